//! holoforge: a headless batch renderer that turns 3D models into hologram videos.
//!
//! The pipeline (see `ARCHITECTURE.md`): [`cli`] options are resolved into a [`job::Job`]; the job
//! loads a [`scene::Scene`], the [`camera`] frames it, the [`render::Renderer`] draws frames on the
//! GPU and streams them into an [`export::ExportStrategy`]'s sink.

#![deny(missing_docs)]

pub mod camera;
pub mod camera_path;
pub mod cli;
pub mod commands;
pub mod docs;
pub mod error;
pub mod export;
pub mod frame;
pub mod harness;
pub mod interrupt;
pub mod job;
pub mod label;
pub mod layout;
#[cfg(test)]
mod list_tests;
pub mod look;
pub mod manifest;
pub mod progress;
pub mod render;
pub mod scene;
pub mod settings;
pub mod size;
pub mod stdout;
pub mod text;
