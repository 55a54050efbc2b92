//! Text written onto finished frames (a contact sheet's view names): white Noto Sans Mono glyphs
//! (pre-rasterised with coverage, from the `noto-sans-mono-bitmap` crate) on a dark translucent
//! box, so a label reads on any background, transparent ones included.

use noto_sans_mono_bitmap::{get_raster, get_raster_width, FontWeight, RasterHeight};

use crate::frame::Frame;

/// One of the raster heights the font ships, chosen for the picture it goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelSize(RasterHeight);

impl LabelSize {
    /// The largest size whose line is at most a tenth of `tile_height` (16 px at least).
    pub fn for_height(tile_height: u32) -> Self {
        let fits = |height: RasterHeight| height.val() as u32 * 10 <= tile_height;
        Self(
            [RasterHeight::Size32, RasterHeight::Size24]
                .into_iter()
                .find(|height| fits(*height))
                .unwrap_or(RasterHeight::Size16),
        )
    }

    /// Line height in pixels.
    pub fn height(self) -> u32 {
        self.0.val() as u32
    }

    /// Space between the box and the tile's edge, and between the box and the text.
    pub fn margin(self) -> u32 {
        self.height() / 4
    }
}

/// Text at a place in the frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// What is written (characters the font lacks are drawn as `?`).
    pub text: String,
    /// Left edge of the box, in pixels from the frame's left.
    pub x: u32,
    /// Top edge of the box, in pixels from the frame's top.
    pub y: u32,
    /// Glyph size.
    pub size: LabelSize,
}

/// Opacity of the box behind the text (of 255).
const BOX_ALPHA: u8 = 160;

impl Label {
    /// Width and height of the label's box in pixels.
    pub fn box_size(&self) -> (u32, u32) {
        let pad = self.size.margin();
        let advance = get_raster_width(FontWeight::Bold, self.size.0) as u32;
        (self.text.chars().count() as u32 * advance + 2 * pad, self.size.height() + pad)
    }

    /// Draws the label onto `frame` (clipped to it): the box "over" what is there, then the glyphs
    /// over the box, in encoded values with straight alpha as the frame holds them.
    pub fn stamp(&self, frame: &mut Frame) {
        let (box_width, box_height) = self.box_size();
        for y in self.y..self.y.saturating_add(box_height) {
            for x in self.x..self.x.saturating_add(box_width) {
                blend(frame, x, y, [0, 0, 0], BOX_ALPHA);
            }
        }
        let pad = self.size.margin();
        let mut left = self.x + pad;
        let top = self.y + pad / 2;
        for character in self.text.chars() {
            let glyph = get_raster(character, FontWeight::Bold, self.size.0)
                .or_else(|| get_raster('?', FontWeight::Bold, self.size.0))
                .expect("the font has '?'");
            for (row, coverage) in glyph.rows().enumerate() {
                for (column, &alpha) in coverage.iter().enumerate() {
                    blend(frame, left + column as u32, top + row as u32, [255, 255, 255], alpha);
                }
            }
            left += glyph.width() as u32;
        }
    }
}

/// `colour` at `alpha` over the pixel at (`x`, `y`), if it is inside the frame.
fn blend(frame: &mut Frame, x: u32, y: u32, colour: [u8; 3], alpha: u8) {
    if x >= frame.width || y >= frame.height || alpha == 0 {
        return;
    }
    let at = ((y * frame.width + x) * 4) as usize;
    let pixel = &mut frame.rgba[at..at + 4];
    let (top, under) = (alpha as u32, pixel[3] as u32);
    // Straight alpha: a = a_t + a_u(1 − a_t); c = (c_t·a_t + c_u·a_u(1 − a_t)) / a, all in 0..255.
    let under_share = under * (255 - top);
    let out = top * 255 + under_share;
    if out == 0 {
        return;
    }
    for (channel, value) in pixel[..3].iter_mut().zip(colour) {
        *channel = ((value as u32 * top * 255 + *channel as u32 * under_share + out / 2) / out) as u8;
    }
    pixel[3] = ((out + 127) / 255) as u8;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(width: u32, height: u32, pixel: [u8; 4]) -> Frame {
        Frame { index: 0, width, height, rgba: pixel.repeat((width * height) as usize) }
    }

    #[test]
    fn sizes_follow_the_tile() {
        assert_eq!(LabelSize::for_height(100).height(), 16);
        assert_eq!(LabelSize::for_height(240).height(), 24);
        assert_eq!(LabelSize::for_height(540).height(), 32);
    }

    #[test]
    fn a_label_darkens_its_box_and_writes_white_text_even_on_transparent_pixels() {
        let mut picture = frame(120, 40, [0, 0, 0, 0]);
        let label = Label { text: "TOP".into(), x: 2, y: 3, size: LabelSize::for_height(100) };
        label.stamp(&mut picture);
        let (width, height) = label.box_size();
        assert_eq!(height, 16 + 4);
        let pixel = |x: u32, y: u32| &picture.rgba[((y * 120 + x) * 4) as usize..][..4];
        assert_eq!(pixel(2, 3), [0, 0, 0, BOX_ALPHA], "the box's corner");
        assert_eq!(pixel(1, 3)[3], 0, "left of the box is untouched");
        assert_eq!(pixel(2 + width, 3)[3], 0, "right of the box is untouched");
        let white = (0..height).flat_map(|y| (0..width).map(move |x| (x + 2, y + 3))).filter(|&(x, y)| {
            let p = pixel(x, y);
            p[0] > 200 && p[0] == p[1] && p[1] == p[2] && p[3] > 200
        });
        assert!(white.count() > 20, "the letters are white and opaque");
    }

    #[test]
    fn blending_over_an_opaque_pixel_keeps_it_opaque() {
        let mut picture = frame(1, 1, [200, 100, 0, 255]);
        blend(&mut picture, 0, 0, [0, 0, 0], 128);
        assert_eq!(picture.rgba, vec![100, 50, 0, 255]);
        blend(&mut picture, 5, 5, [0, 0, 0], 255);
        assert_eq!(picture.rgba, vec![100, 50, 0, 255], "outside the frame nothing happens");
    }
}
