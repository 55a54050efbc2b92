//! The unit that flows from the renderer to the exports.

use crate::look::Rgb;

/// One rendered frame: 8-bit sRGB-encoded RGBA with straight alpha, rows top to bottom, no padding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Frame number within the clip (`--start-frame` based, not the position in this run).
    pub index: u32,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width * height * 4` bytes.
    pub rgba: Vec<u8>,
}

impl Frame {
    /// True when every pixel equals the first one: nothing of the model is visible (a transparent
    /// or a plain background), the blank render users otherwise find only after the encode.
    pub fn is_blank(&self) -> bool {
        let first = &self.rgba[..4.min(self.rgba.len())];
        self.rgba.chunks_exact(4).all(|p| p == first)
    }

    /// Composites the frame "over" an opaque colour on the encoded values (as the renderer's own
    /// background does), leaving it fully opaque.
    pub fn composite_over(&mut self, background: Rgb) {
        for pixel in self.rgba.chunks_exact_mut(4) {
            let alpha = pixel[3] as u32;
            for (channel, bg) in pixel[..3].iter_mut().zip(background.0) {
                *channel = ((*channel as u32 * alpha + bg as u32 * (255 - alpha) + 127) / 255) as u8;
            }
            pixel[3] = 255;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_of_one_colour_is_blank() {
        let mut frame = Frame { index: 0, width: 2, height: 1, rgba: vec![0, 0, 0, 0, 0, 0, 0, 0] };
        assert!(frame.is_blank());
        frame.rgba[7] = 1;
        assert!(!frame.is_blank());
    }

    #[test]
    fn compositing_over_a_colour_blends_by_alpha() {
        let mut frame =
            Frame { index: 0, width: 3, height: 1, rgba: vec![255, 0, 0, 255, 255, 0, 0, 0, 200, 100, 0, 128] };
        frame.composite_over(Rgb([0, 0, 100]));
        assert_eq!(frame.rgba, vec![255, 0, 0, 255, 0, 0, 100, 255, 100, 50, 50, 255]);
    }
}
