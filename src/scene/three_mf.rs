//! 3MF loader (the 3D-printing format: a ZIP archive of XML model parts). The archive is read with
//! the `zip` crate, each `.model` part within the memory budget (its declared size is reserved
//! before a byte is inflated, and no more than that is read), and the XML is parsed into the
//! `threemf` crate's model types. Every build item is placed by its transform, objects made of
//! components are followed (with their transforms) to their meshes, base-material and colour-group
//! colours (`m:basematerials`, `m:colorgroup`; an object's `pid`/`pindex`, a triangle's `pid`/`p1`)
//! become materials, and the model's unit
//! scales it to metres. 3MF is Z-up; shading is flat, as printed parts have hard edges.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use anyhow::Result;
use glam::{DMat4, DVec4, Vec3};
use serde::Deserialize;
use threemf::model::{Model, Object, Unit};

use super::geometry::{flat_shaded, flips_winding};
use super::sniff::{Content, Head, Recognised};
use super::textures::srgb_colour;
use super::{LoadContext, Material, Mesh, RawScene, Vertex};
use crate::error::Problem;
use crate::text::{first_line, quoted};

/// How deep components may nest (a cycle would never end).
const MAX_COMPONENT_DEPTH: usize = 32;
/// Most objects a build places, components included: objects whose components repeat each other
/// multiply (two of two of two … is 2^32 at the depth limit), so a small file could ask for more
/// work than any print plate holds.
const MAX_PLACEMENTS: usize = 100_000;

/// Recognises a ZIP archive that names a `3D/` model folder (as 3MF packages do) as 3MF; any
/// other ZIP may be one.
pub fn recognise(head: &Head) -> Result<Recognised, Problem> {
    Ok(match head.content {
        Some(Content::Zip) if head.bytes.windows(3).any(|w| w == b"3D/") => Recognised::Is("3mf"),
        Some(Content::Zip) => Recognised::May,
        _ => Recognised::Not,
    })
}

/// Loads every build item of every model part of a 3MF archive.
pub fn load(context: &mut LoadContext, bytes: &[u8]) -> Result<RawScene> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| invalid(&format!("not a readable ZIP archive ({})", first_line(&e.to_string()))))?;
    let mut scene = Placed::default();
    let mut parts = 0;
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(|e| invalid(&first_line(&e.to_string())))?;
        let name = entry.name().map_err(|e| invalid(&first_line(&e.to_string())))?.into_owned();
        if !name.to_ascii_lowercase().ends_with(".model") {
            continue;
        }
        let size = entry.size();
        // The XML text, and at most as much again for the vertices and triangles it declares.
        context.budget.reserve(|| format!("the 3MF part {}", quoted(&name)), size, 2)?;
        let mut text = String::new();
        entry
            .by_ref()
            .take(size)
            .read_to_string(&mut text)
            .map_err(|e| invalid(&format!("{}: {}", quoted(&name), first_line(&e.to_string()))))?;
        let xml_error = |e: quick_xml::DeError| invalid(&format!("{}: {}", quoted(&name), first_line(&e.to_string())));
        let model: Model = quick_xml::de::from_str(&text).map_err(xml_error)?;
        // The document is read a second time only when an object or triangle names a property.
        let colours: MaterialPart = match text.contains("pid=") {
            true => {
                // Each triangle's two property references: less than its text takes.
                context.budget.reserve(|| format!("the 3MF part {}'s colours", quoted(&name)), size, 2)?;
                quick_xml::de::from_str(&text).map_err(xml_error)?
            }
            false => MaterialPart::default(),
        };
        drop(text);
        scene.place_build(&model, &colours.resources, &name, context)?;
        parts += 1;
    }
    if parts == 0 {
        return Err(invalid("the archive holds no model part (3D/3dmodel.model)"));
    }
    if scene.meshes.is_empty() {
        return Err(Problem::input("the 3MF file's build places no mesh, so there is nothing to render").into());
    }
    Ok(RawScene { meshes: scene.meshes, materials: scene.materials, ..RawScene::default() })
}

fn invalid(what: &str) -> anyhow::Error {
    Problem::input(format!("invalid 3MF: {what}")).into()
}

/// The meshes placed so far and the materials they use (the first is the default white).
struct Placed {
    placements: usize,
    meshes: Vec<Mesh>,
    materials: Vec<Material>,
    by_colour: HashMap<String, usize>,
}

impl Default for Placed {
    fn default() -> Self {
        Self {
            placements: 0,
            meshes: Vec::new(),
            materials: vec![Material::default_white()],
            by_colour: HashMap::new(),
        }
    }
}

impl Placed {
    /// Places every build item of `model` (a part named `part`), scaled from its unit to metres.
    fn place_build(
        &mut self,
        model: &Model,
        colours: &MaterialResources,
        part: &str,
        context: &mut LoadContext,
    ) -> Result<()> {
        let objects: HashMap<usize, &Object> = model.resources.object.iter().map(|o| (o.id, o)).collect();
        let to_metres = DMat4::from_scale(glam::DVec3::splat(metres_per_unit(&model.unit)));
        for item in &model.build.item {
            let placement = to_metres * matrix(item.transform);
            self.place_object(colours, &objects, item.objectid, placement, 0, part, context)?;
        }
        Ok(())
    }

    /// Places object `id` (its mesh, then its components) at `placement`.
    #[allow(clippy::too_many_arguments)] // the walk's state, passed down one level at a time
    fn place_object(
        &mut self,
        colours: &MaterialResources,
        objects: &HashMap<usize, &Object>,
        id: usize,
        placement: DMat4,
        depth: usize,
        part: &str,
        context: &mut LoadContext,
    ) -> Result<()> {
        let Some(object) = objects.get(&id) else {
            return Err(invalid(&format!(
                "{}: the build names object {id}, which the part does not define",
                quoted(part)
            )));
        };
        self.placements += 1;
        if self.placements > MAX_PLACEMENTS {
            return Err(invalid(&format!(
                "{}: the build places more than {MAX_PLACEMENTS} objects (components that repeat each other multiply)",
                quoted(part)
            )));
        }
        if depth > MAX_COMPONENT_DEPTH {
            return Err(invalid(&format!(
                "{}: components nest deeper than {MAX_COMPONENT_DEPTH} levels (object {id} contains itself?)",
                quoted(part)
            )));
        }
        if let Some(mesh) = &object.mesh {
            let triangles = mesh.triangles.triangle.len() as u64;
            let per_triangle = 3 * (12 + std::mem::size_of::<Vertex>() as u64 + 4);
            context.budget.reserve(|| format!("the 3MF object {id}'s triangles"), triangles, per_triangle)?;
            let world = placement.as_mat4();
            let vertices = &mesh.vertices.vertex;
            // Triangles by material (a triangle's `pid`/`p1` override its object's), in first-seen order.
            let properties =
                colours.object.iter().find(|o| o.id == id).map_or(&[][..], |o| &o.mesh.triangles.triangle[..]);
            let mut groups: Vec<(usize, Vec<[f32; 3]>)> = Vec::new();
            for (n, t) in mesh.triangles.triangle.iter().enumerate() {
                let mut corners = [t.v1, t.v2, t.v3];
                if corners.iter().any(|&v| v >= vertices.len()) {
                    return Err(invalid(&format!(
                        "{}: triangle {n} of object {id} names vertex {}, but the mesh has {} vertices",
                        quoted(part),
                        corners.iter().max().unwrap_or(&0),
                        vertices.len()
                    )));
                }
                if flips_winding(world) {
                    corners.swap(1, 2);
                }
                let own = properties.get(n);
                let pid = own.and_then(|p| p.pid).or(object.pid);
                let material = self.material_of(colours, pid, own.and_then(|p| p.p1).or(object.pindex).unwrap_or(0));
                let group = match groups.iter().position(|(m, _)| *m == material) {
                    Some(group) => group,
                    None => {
                        groups.push((material, Vec::new()));
                        groups.len() - 1
                    }
                };
                groups[group].1.extend(corners.map(|v| {
                    let v = &vertices[v];
                    world.transform_point3(Vec3::new(v.x as f32, v.y as f32, v.z as f32)).to_array()
                }));
            }
            for (material, positions) in groups {
                let (vertices, indices) = flat_shaded(&positions, [1.0; 4]);
                let name = object.name.clone().unwrap_or_else(|| format!("object {id}"));
                self.meshes.push(Mesh { name, material, vertices, indices });
            }
        }
        for component in object.components.iter().flat_map(|c| &c.component) {
            let placement = placement * matrix(component.transform);
            self.place_object(colours, objects, component.objectid, placement, depth + 1, part, context)?;
        }
        Ok(())
    }

    /// The material of property `index` of group `pid` (a base-material group's `m:base`, or a
    /// colour group's `m:color`), or the default white.
    fn material_of(&mut self, colours: &MaterialResources, pid: Option<usize>, index: usize) -> usize {
        let Some(pid) = pid else { return 0 };
        let base = colours.basematerials.iter().filter(|g| g.id == pid).find_map(|g| g.base.get(index));
        let named = base.map(|b| (b.name.clone(), b.displaycolor.as_str())).or_else(|| {
            let group = colours.colorgroup.iter().filter(|g| g.id == pid).find_map(|g| g.color.get(index));
            group.map(|c| (format!("colour {pid}/{index}"), c.color.as_str()))
        });
        let Some((name, text)) = named else { return 0 };
        let Some(colour) = parse_colour(text) else { return 0 };
        let key = format!("{name}:{text}");
        if let Some(&known) = self.by_colour.get(&key) {
            return known;
        }
        self.materials.push(Material { name, base_color: colour, ..Material::default_white() });
        self.by_colour.insert(key, self.materials.len() - 1);
        self.materials.len() - 1
    }
}

/// A part's base-material and colour groups and its triangles' references to them. `threemf` 0.8
/// names the groups `m:basematerials`, which quick-xml 0.42 (matching local names, without the
/// prefix) never finds, and its triangles keep no `pid`/`p1`, so they are read here.
#[derive(Debug, Default, Deserialize)]
struct MaterialPart {
    #[serde(default)]
    resources: MaterialResources,
}

#[derive(Debug, Default, Deserialize)]
struct MaterialResources {
    #[serde(default)]
    basematerials: Vec<BaseGroup>,
    #[serde(default)]
    colorgroup: Vec<ColourGroup>,
    /// Each object's triangles' property references.
    #[serde(default)]
    object: Vec<ObjectProperties>,
}

/// One `m:colorgroup`: colours a triangle names by `pid` and `p1`.
#[derive(Debug, Deserialize)]
struct ColourGroup {
    #[serde(rename = "@id")]
    id: usize,
    #[serde(default)]
    color: Vec<GroupColour>,
}

/// One `m:color` entry.
#[derive(Debug, Deserialize)]
struct GroupColour {
    #[serde(rename = "@color")]
    color: String,
}

/// The property references of an object's triangles.
#[derive(Debug, Deserialize)]
struct ObjectProperties {
    #[serde(rename = "@id")]
    id: usize,
    #[serde(default)]
    mesh: MeshProperties,
}

#[derive(Debug, Default, Deserialize)]
struct MeshProperties {
    #[serde(default)]
    triangles: TriangleList,
}

#[derive(Debug, Default, Deserialize)]
struct TriangleList {
    #[serde(default)]
    triangle: Vec<TriangleProperties>,
}

/// A triangle's property group and the property of its first corner (the whole triangle takes
/// it: per-corner gradients are not blended).
#[derive(Debug, Deserialize)]
struct TriangleProperties {
    #[serde(rename = "@pid", default)]
    pid: Option<usize>,
    #[serde(rename = "@p1", default)]
    p1: Option<usize>,
}

/// One `m:basematerials` group.
#[derive(Debug, Deserialize)]
struct BaseGroup {
    #[serde(rename = "@id")]
    id: usize,
    #[serde(default)]
    base: Vec<BaseColour>,
}

/// One `m:base` entry.
#[derive(Debug, Deserialize)]
struct BaseColour {
    #[serde(rename = "@name", default)]
    name: String,
    #[serde(rename = "@displaycolor")]
    displaycolor: String,
}

/// A 3MF transform (`m00 m01 m02 m10 m11 m12 m20 m21 m22 m30 m31 m32`, row vectors: the last
/// three are the translation) as a column-major matrix; identity when absent.
fn matrix(transform: Option<[f64; 12]>) -> DMat4 {
    let Some(m) = transform else { return DMat4::IDENTITY };
    DMat4::from_cols(
        DVec4::new(m[0], m[1], m[2], 0.0),
        DVec4::new(m[3], m[4], m[5], 0.0),
        DVec4::new(m[6], m[7], m[8], 0.0),
        DVec4::new(m[9], m[10], m[11], 1.0),
    )
}

/// The size of a model unit in metres.
fn metres_per_unit(unit: &Unit) -> f64 {
    match unit {
        Unit::Micron => 1e-6,
        Unit::Millimeter => 1e-3,
        Unit::Centimeter => 1e-2,
        Unit::Inch => 0.0254,
        Unit::Foot => 0.3048,
        Unit::Meter => 1.0,
    }
}

/// `#RRGGBB` or `#RRGGBBAA` (sRGB) as a linear RGBA colour.
fn parse_colour(text: &str) -> Option<[f32; 4]> {
    let hex = text.trim().strip_prefix('#')?;
    if !matches!(hex.len(), 6 | 8) || !hex.is_ascii() {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok().map(|v| f32::from(v) / 255.0);
    let alpha = if hex.len() == 8 { channel(6)? } else { 1.0 };
    Some(srgb_colour([channel(0)?, channel(2)?, channel(4)?], alpha))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transforms_are_row_vectors_with_the_translation_last() {
        let m = matrix(Some([0.0, 1.0, 0.0, -1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 10.0, 20.0, 30.0]));
        // x' = m00 x + m10 y + m20 z + m30: (1, 0, 0) turns to (0, 1, 0), then moves.
        assert_eq!(m.transform_point3(glam::DVec3::X), glam::DVec3::new(10.0, 21.0, 30.0));
    }

    #[test]
    fn display_colours_are_srgb_with_optional_alpha() {
        assert_eq!(parse_colour("#FFFFFF"), Some([1.0, 1.0, 1.0, 1.0]));
        assert_eq!(parse_colour("#00000080").map(|c| (c[3] * 255.0).round()), Some(128.0));
        assert_eq!(parse_colour("red"), None);
        assert_eq!(parse_colour("#12345"), None);
    }
}
