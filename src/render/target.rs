//! The offscreen target: multisampled HDR colour + depth for the grid of views, the resolved image,
//! the bloom images, the 8-bit output texture and a ring of padded readback buffers that hand out
//! unpadded frames.

use super::pipelines::{DEPTH_FORMAT, HDR_FORMAT, OUTPUT_FORMAT};
use super::tiling::Tiling;

/// Row layout of a readback buffer: wgpu needs rows padded to 256 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowLayout {
    /// Bytes of pixel data per row (`width * 4`).
    pub unpadded: u32,
    /// Bytes per row in the buffer (multiple of 256).
    pub padded: u32,
}

impl RowLayout {
    /// The layout for an RGBA8 image `width` pixels wide.
    pub fn for_width(width: u32) -> Self {
        let unpadded = width * 4;
        let align = wgpu::COPY_BYTES_PER_ROW_ALIGNMENT;
        Self { unpadded, padded: unpadded.div_ceil(align) * align }
    }

    /// Copies padded rows into a tightly packed image.
    pub fn unpad(&self, padded: &[u8], height: u32) -> Vec<u8> {
        let mut out = Vec::with_capacity((self.unpadded * height) as usize);
        for row in padded.chunks_exact(self.padded as usize).take(height as usize) {
            out.extend_from_slice(&row[..self.unpadded as usize]);
        }
        out
    }
}

/// Textures and readback buffers for one frame layout and sample count.
pub struct FrameTarget {
    /// Output width.
    pub width: u32,
    /// Output height.
    pub height: u32,
    /// Multisampled HDR colour (None without MSAA: draw straight into `resolved`).
    pub msaa_view: Option<wgpu::TextureView>,
    /// Depth (multisampled like the colour).
    pub depth_view: wgpu::TextureView,
    /// Single-sample HDR image the bloom and encode passes read.
    pub resolved_view: wgpu::TextureView,
    /// Per glow scale (the bloom's core, then its halo), two ping-pong images (each view
    /// downsampled); 1×1 for a scale the job does not use.
    pub bloom_views: [[wgpu::TextureView; 2]; 2],
    /// Bilinear, clamped: how the encode pass scales the bloom images up.
    pub glow_sampler: wgpu::Sampler,
    /// 8-bit encoded output.
    pub output: wgpu::Texture,
    /// Its view, written by the encode pass.
    pub output_view: wgpu::TextureView,
    /// Ring of readback buffers.
    pub readback: Vec<wgpu::Buffer>,
    /// Row layout of the readback buffers.
    pub rows: RowLayout,
}

impl FrameTarget {
    /// Allocates the target; `ring` readback buffers let the GPU draw ahead of the readback;
    /// `bloom_tiles` are the sizes of a view in each glow scale's images (None: not used).
    pub fn new(
        device: &wgpu::Device,
        tiling: &Tiling,
        sample_count: u32,
        ring: usize,
        bloom_tiles: [Option<(u32, u32)>; 2],
    ) -> Self {
        let extent = |(width, height): (u32, u32)| wgpu::Extent3d { width, height, depth_or_array_layers: 1 };
        let grid = extent(tiling.grid_size());
        let (width, height) = tiling.output_size();
        let texture = |label: &str, size, format, samples, usage| {
            device.create_texture(&wgpu::TextureDescriptor {
                label: Some(label),
                size,
                mip_level_count: 1,
                sample_count: samples,
                dimension: wgpu::TextureDimension::D2,
                format,
                usage,
                view_formats: &[],
            })
        };
        let attachment = wgpu::TextureUsages::RENDER_ATTACHMENT;
        let sampled = wgpu::TextureUsages::TEXTURE_BINDING;
        let storage = wgpu::TextureUsages::STORAGE_BINDING;
        let msaa_view = (sample_count > 1).then(|| {
            texture("msaa colour", grid, HDR_FORMAT, sample_count, attachment).create_view(&Default::default())
        });
        let depth_view =
            texture("depth", grid, DEPTH_FORMAT, sample_count, attachment).create_view(&Default::default());
        let resolved_view =
            texture("resolved colour", grid, HDR_FORMAT, 1, attachment | sampled).create_view(&Default::default());
        let bloom_views = bloom_tiles.map(|tile| {
            let size = match tile {
                Some((width, height)) => extent((width * tiling.cols, height * tiling.rows)),
                None => extent((1, 1)),
            };
            ["bloom a", "bloom b"]
                .map(|label| texture(label, size, HDR_FORMAT, 1, sampled | storage).create_view(&Default::default()))
        });
        let output =
            texture("output", extent((width, height)), OUTPUT_FORMAT, 1, storage | wgpu::TextureUsages::COPY_SRC);
        let output_view = output.create_view(&Default::default());
        let rows = RowLayout::for_width(width);
        let readback = (0..ring)
            .map(|i| {
                device.create_buffer(&wgpu::BufferDescriptor {
                    label: Some(&format!("readback {i}")),
                    size: rows.padded as u64 * height as u64,
                    usage: wgpu::BufferUsages::COPY_DST | wgpu::BufferUsages::MAP_READ,
                    mapped_at_creation: false,
                })
            })
            .collect();
        let glow_sampler = device.create_sampler(&wgpu::SamplerDescriptor {
            label: Some("glow"),
            mag_filter: wgpu::FilterMode::Linear,
            min_filter: wgpu::FilterMode::Linear,
            ..Default::default()
        });
        Self {
            width,
            height,
            msaa_view,
            depth_view,
            resolved_view,
            bloom_views,
            glow_sampler,
            output,
            output_view,
            readback,
            rows,
        }
    }

    /// Records the copy of the output texture into readback buffer `slot`.
    pub fn copy_to_readback(&self, encoder: &mut wgpu::CommandEncoder, slot: usize) {
        encoder.copy_texture_to_buffer(
            wgpu::TexelCopyTextureInfo {
                texture: &self.output,
                mip_level: 0,
                origin: wgpu::Origin3d::ZERO,
                aspect: wgpu::TextureAspect::All,
            },
            wgpu::TexelCopyBufferInfo {
                buffer: &self.readback[slot],
                layout: wgpu::TexelCopyBufferLayout {
                    offset: 0,
                    bytes_per_row: Some(self.rows.padded),
                    rows_per_image: Some(self.height),
                },
            },
            wgpu::Extent3d { width: self.width, height: self.height, depth_or_array_layers: 1 },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_padded_to_256_bytes() {
        assert_eq!(RowLayout::for_width(1080), RowLayout { unpadded: 4320, padded: 4352 });
        assert_eq!(RowLayout::for_width(1920), RowLayout { unpadded: 7680, padded: 7680 });
        assert_eq!(RowLayout::for_width(1), RowLayout { unpadded: 4, padded: 256 });
    }

    #[test]
    fn unpadding_drops_the_row_tails() {
        let rows = RowLayout { unpadded: 2, padded: 4 };
        assert_eq!(rows.unpad(&[1, 2, 0, 0, 3, 4, 0, 0], 2), vec![1, 2, 3, 4]);
    }
}
