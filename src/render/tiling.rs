//! How the views of one frame are laid out: a grid of equal tiles rendered in one pass each, and
//! how the encode pass composes the grid into the output picture.

/// How the grid of rendered views becomes the output picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compose {
    /// The grid is the picture (a single view, or a quilt).
    Grid,
    /// Four square views (front, right, back, left) below, right of, above and left of an empty
    /// centre of a `canvas`-pixel square, tops pointing outward (or `inward`), each mirrored
    /// (or not) so that its reflection in the pyramid reads the right way round (see
    /// [`crate::layout::Layout::Pyramid`]).
    Pyramid {
        /// Tops of the views point towards the centre.
        inward: bool,
        /// Side of the square output.
        canvas: u32,
        /// Each view is flipped across its up direction.
        mirror: bool,
    },
    /// The grid's one view, cut to its inscribed circle (an LED fan).
    Circle,
    /// The grid in the bottom-left corner of a `width × height` picture (a quilt whose size does
    /// not divide into whole tiles keeps its size; the few pixels left over stay empty).
    Quilt {
        /// Output width.
        width: u32,
        /// Output height.
        height: u32,
    },
}

/// Views of a frame: `cols × rows` tiles of one size, view `i` in tile `i` counted row by row
/// from the top left, composed into the output by `compose`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tiling {
    /// Tile columns.
    pub cols: u32,
    /// Tile rows.
    pub rows: u32,
    /// Width of one view in pixels.
    pub tile_width: u32,
    /// Height of one view in pixels.
    pub tile_height: u32,
    /// How the grid becomes the output.
    pub compose: Compose,
}

/// The bloom blurs a downsampled image whose texels are about this fraction of the glow's radius
/// (its Gaussian sigma): wide enough to stay smooth when scaled back up, and the blur cost no
/// longer grows with the resolution.
const BLOOM_TEXELS_PER_SIGMA: f32 = 2.5;

impl Tiling {
    /// One view filling a `width × height` picture.
    pub fn single(width: u32, height: u32) -> Self {
        Self { cols: 1, rows: 1, tile_width: width, tile_height: height, compose: Compose::Grid }
    }

    /// Number of views.
    pub fn views(&self) -> u32 {
        self.cols * self.rows
    }

    /// Width / height of one view.
    pub fn aspect(&self) -> f32 {
        self.tile_width as f32 / self.tile_height as f32
    }

    /// Size of the grid the views are rendered into.
    pub fn grid_size(&self) -> (u32, u32) {
        (self.cols * self.tile_width, self.rows * self.tile_height)
    }

    /// Size of the output picture.
    pub fn output_size(&self) -> (u32, u32) {
        match self.compose {
            Compose::Pyramid { canvas, .. } => (canvas, canvas),
            Compose::Quilt { width, height } => (width, height),
            Compose::Grid | Compose::Circle => self.grid_size(),
        }
    }

    /// Top-left corner of view `index` in the grid.
    pub fn tile_origin(&self, index: u32) -> (u32, u32) {
        ((index % self.cols) * self.tile_width, (index / self.cols) * self.tile_height)
    }

    /// The bloom's downsample factor for a glow of `radius` (a fraction of the view height): the
    /// glow's sigma spans about `BLOOM_TEXELS_PER_SIGMA` texels of the downsampled image.
    pub fn bloom_factor(&self, radius: f32) -> u32 {
        ((radius * self.tile_height as f32 / BLOOM_TEXELS_PER_SIGMA).floor() as u32).clamp(1, 64)
    }

    /// Size of one view in the bloom image for a glow of `radius`.
    pub fn bloom_tile(&self, radius: f32) -> (u32, u32) {
        let factor = self.bloom_factor(radius);
        (self.tile_width.div_ceil(factor), self.tile_height.div_ceil(factor))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiles_are_counted_row_by_row_from_the_top_left() {
        let quilt = Tiling { cols: 3, rows: 2, tile_width: 10, tile_height: 20, compose: Compose::Grid };
        assert_eq!(quilt.grid_size(), (30, 40));
        assert_eq!(quilt.tile_origin(0), (0, 0));
        assert_eq!(quilt.tile_origin(4), (10, 20));
        let pyramid = Tiling {
            cols: 2,
            rows: 2,
            compose: Compose::Pyramid { inward: false, canvas: 100, mirror: true },
            ..quilt
        };
        assert_eq!(pyramid.output_size(), (100, 100));
    }

    #[test]
    fn the_bloom_image_scales_with_the_glow_not_the_resolution() {
        assert_eq!(Tiling::single(1920, 1080).bloom_factor(0.02), 8);
        assert_eq!(Tiling::single(1920, 1080).bloom_tile(0.02), (240, 135));
        for (width, height) in [(1280, 720), (3840, 2160), (7680, 4320)] {
            let rows = Tiling::single(width, height).bloom_tile(0.02).1;
            assert!((125..=145).contains(&rows), "{height}p blooms on {rows} rows");
        }
        assert_eq!(Tiling::single(160, 120).bloom_factor(0.02), 1);
        assert_eq!(Tiling::single(1920, 1080).bloom_factor(0.2), 64);
    }
}
