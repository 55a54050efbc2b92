//! The geometry every loader produces and the renderer draws: vertices and triangle lists.

/// One vertex as the renderer consumes it.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, bytemuck::Pod, bytemuck::Zeroable)]
pub struct Vertex {
    /// World-space position (Y up).
    pub position: [f32; 3],
    /// World-space unit normal.
    pub normal: [f32; 3],
    /// Texture coordinate (glTF convention: origin top-left).
    pub uv: [f32; 2],
    /// Linear RGBA vertex colour (white when the file has none).
    pub color: [f32; 4],
}

/// A triangle list drawn with one material.
#[derive(Debug, Clone)]
pub struct Mesh {
    /// Name from the file, for `inspect`.
    pub name: String,
    /// Index into [`Scene::materials`](super::Scene::materials).
    pub material: usize,
    /// Vertices in world space.
    pub vertices: Vec<Vertex>,
    /// Three indices per triangle into `vertices`.
    pub indices: Vec<u32>,
}
