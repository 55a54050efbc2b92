//! GLB container framing checks, done before the `gltf` crate sees the bytes.

use anyhow::Result;

use crate::error::Problem;

const HEADER_LEN: usize = 12;
const CHUNK_HEADER_LEN: usize = 8;
const JSON_CHUNK: u32 = 0x4E4F_534A;
const BIN_CHUNK: u32 = 0x004E_4942;

fn u32_at(bytes: &[u8], offset: usize) -> Option<u32> {
    bytes.get(offset..offset + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn invalid(message: String) -> anyhow::Error {
    Problem::input(format!("invalid GLB container: {message}"))
        .with_hint("the file is truncated or corrupt; export it again")
        .into()
}

/// Checks the GLB header and chunk headers against the real file size.
pub fn check_framing(bytes: &[u8]) -> Result<()> {
    let file_len = bytes.len();
    if file_len < HEADER_LEN {
        return Err(invalid(format!("the file is {file_len} bytes, shorter than the 12-byte GLB header")));
    }
    let version = u32_at(bytes, 4).unwrap_or(0);
    if version != 2 {
        return Err(invalid(format!("container version {version}; only glTF 2.0 (version 2) is supported")));
    }
    let declared = u32_at(bytes, 8).unwrap_or(0) as usize;
    if declared != file_len {
        let what = if declared > file_len { "the file is truncated" } else { "the length field is wrong" };
        return Err(invalid(format!("header says {declared} bytes but the file has {file_len} ({what})")));
    }
    let mut offset = HEADER_LEN;
    let mut index = 0;
    while offset < file_len {
        let (Some(length), Some(kind)) = (u32_at(bytes, offset), u32_at(bytes, offset + 4)) else {
            return Err(invalid(format!("chunk {index} header at byte {offset} is cut off")));
        };
        let end = (offset + CHUNK_HEADER_LEN).checked_add(length as usize).filter(|&e| e <= file_len);
        let Some(end) = end else {
            return Err(invalid(format!(
                "chunk {index} at byte {offset} claims {length} bytes, past the end of the file"
            )));
        };
        if index == 0 && kind != JSON_CHUNK {
            return Err(invalid("the first chunk must be JSON".into()));
        }
        if index == 1 && kind == BIN_CHUNK && length % 4 != 0 {
            return Err(invalid(format!("BIN chunk length {length} is not a multiple of 4")));
        }
        offset = end;
        index += 1;
    }
    if index == 0 {
        return Err(invalid("there is no JSON chunk".into()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glb(declared: u32, chunk_len: u32) -> Vec<u8> {
        let mut b = b"glTF".to_vec();
        b.extend(2u32.to_le_bytes());
        b.extend(declared.to_le_bytes());
        b.extend(chunk_len.to_le_bytes());
        b.extend(JSON_CHUNK.to_le_bytes());
        b.extend(b"{}  ");
        b
    }

    #[test]
    fn well_framed_glb_passes() {
        assert!(check_framing(&glb(24, 4)).is_ok());
    }

    #[test]
    fn huge_length_fields_are_refused_without_allocating() {
        let err = check_framing(&glb(0xFFFF_FFF0, 4)).unwrap_err();
        assert!(err.to_string().contains("header says 4294967280 bytes but the file has 24"), "{err}");
        let err = check_framing(&glb(24, 0xFFFF_FFF0)).unwrap_err();
        assert!(err.to_string().contains("past the end of the file"), "{err}");
    }
}
