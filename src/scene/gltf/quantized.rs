//! Accessors read as floats whatever their component type, as `KHR_mesh_quantization` allows for
//! positions, normals, tangents, texture coordinates and morph targets (the `gltf` crate's readers
//! assume floats there). Normalised integers map to [0, 1] or [−1, 1] by the glTF specification's
//! formulas (§3.11: `c / 255`, `max(c / 127, −1)`, …); other integers are their value, which the
//! node transform then scales.

use gltf::accessor::{DataType, Dimensions, Item, Iter};

/// The accessor's elements as `N` floats each, or None when it is not `N` components wide or its
/// data cannot be read (the range checks have run before).
pub fn read_floats<const N: usize>(accessor: &gltf::Accessor, buffers: &[Vec<u8>]) -> Option<Vec<[f32; N]>>
where
    [f32; N]: Item,
    [i8; N]: Item,
    [u8; N]: Item,
    [i16; N]: Item,
    [u16; N]: Item,
{
    let width = match accessor.dimensions() {
        Dimensions::Scalar => 1,
        Dimensions::Vec2 => 2,
        Dimensions::Vec3 => 3,
        Dimensions::Vec4 => 4,
        _ => 0,
    };
    if width != N || accessor.count() == 0 {
        return None;
    }
    let get = |buffer: gltf::Buffer| buffers.get(buffer.index()).map(Vec::as_slice);
    let normalized = accessor.normalized();
    let accessor = accessor.clone();
    Some(match accessor.data_type() {
        DataType::F32 => Iter::<[f32; N]>::new(accessor, get)?.collect(),
        DataType::I8 => convert(Iter::<[i8; N]>::new(accessor, get)?, |c| scale(c as f32, normalized, 127.0)),
        DataType::U8 => convert(Iter::<[u8; N]>::new(accessor, get)?, |c| scale(c as f32, normalized, 255.0)),
        DataType::I16 => convert(Iter::<[i16; N]>::new(accessor, get)?, |c| scale(c as f32, normalized, 32767.0)),
        DataType::U16 => convert(Iter::<[u16; N]>::new(accessor, get)?, |c| scale(c as f32, normalized, 65535.0)),
        DataType::U32 => return None,
    })
}

/// True when the accessor is one [`read_floats`] reads: `N` components of a float or 8/16-bit type.
pub fn fits<const N: usize>(accessor: &gltf::Accessor) -> bool {
    let dimensions = [Dimensions::Scalar, Dimensions::Vec2, Dimensions::Vec3, Dimensions::Vec4];
    accessor.count() > 0 && accessor.dimensions() == dimensions[N - 1] && accessor.data_type() != DataType::U32
}

fn convert<T: Copy, const N: usize>(items: impl Iterator<Item = [T; N]>, to_float: impl Fn(T) -> f32) -> Vec<[f32; N]> {
    items.map(|item| item.map(&to_float)).collect()
}

/// A component's value: normalised by `max` (signed ones clamped at −1), or as it is.
fn scale(value: f32, normalized: bool, max: f32) -> f32 {
    match normalized {
        true => (value / max).max(-1.0),
        false => value,
    }
}

#[cfg(test)]
mod tests {
    use super::scale;

    #[test]
    fn normalised_integers_follow_the_specification() {
        assert_eq!(scale(-128.0, true, 127.0), -1.0, "the most negative i8 clamps to -1");
        assert_eq!(scale(127.0, true, 127.0), 1.0);
        assert_eq!(scale(255.0, true, 255.0), 1.0);
        assert_eq!(scale(-32768.0, true, 32767.0), -1.0);
        assert_eq!(scale(300.0, false, 65535.0), 300.0, "unnormalised integers keep their value");
    }
}
