//! `holoforge formats`: the export formats, from the registry.

use anyhow::Result;

use crate::cli::FormatsCommand;
use crate::error::ExitCode;
use crate::export::REGISTRY;

/// Prints every registered format (text or JSON).
pub fn formats(command: FormatsCommand) -> Result<ExitCode> {
    if command.json {
        let list: Vec<_> = REGISTRY
            .iter()
            .map(|s| {
                serde_json::json!({
                    "name": s.name(),
                    "description": s.description(),
                    "extension": s.extension(),
                    "alpha": s.keeps_alpha(),
                    "ffmpeg_encoders": s.required_encoders(),
                    "even_size": s.needs_even_size(),
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&list)?);
    } else {
        for s in REGISTRY {
            let alpha = if s.keeps_alpha() { "alpha" } else { "opaque" };
            println!("{:<8} {:<7} {}", s.name(), alpha, s.description());
        }
    }
    Ok(ExitCode::Success)
}
