
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'holoforge' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'holoforge'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'holoforge' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Render models into hologram videos or frame sequences (one output per model)')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Render the built-in demo model: works with no input file')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Render every job of a TOML manifest (command-line options override it)')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check a manifest and print the resolved plan; nothing is rendered')
            [CompletionResult]::new('encode', 'encode', [CompletionResultType]::ParameterValue, 'Turn a PNG or RGBA frame sequence (e.g. assembled from farm shards) into any format')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show what the loader understood of a model: triangles, bounds, materials, animations')
            [CompletionResult]::new('formats', 'formats', [CompletionResultType]::ParameterValue, 'List the export formats')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check this machine: GPU adapters and limits, ffmpeg and its encoders, formats available here')
            [CompletionResult]::new('bench', 'bench', [CompletionResultType]::ParameterValue, 'Time each stage of a frame (pre-pass, surfaces, edges, bloom, encode, readback) and the sinks on this machine''s adapter, for one model and the render options given; writes nothing')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the completion script for a shell (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write the man pages into the man tree DIR (man1/holoforge.1, man1/holoforge-render.1, …, man5/holoforge-manifest.5), or print holoforge(1)')
            [CompletionResult]::new('generate-docs', 'generate-docs', [CompletionResultType]::ParameterValue, 'Write the man pages and shell completions under DIR (for packagers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'holoforge;render' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif, rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp, .png) [default: named after the model, in the current folder]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif, rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp, .png) [default: named after the model, in the current folder]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format (see `holoforge formats`) [default: mp4]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (see `holoforge formats`) [default: mp4]')
            [CompletionResult]::new('--quality', '--quality', [CompletionResultType]::ParameterName, 'Encoding quality (each format''s meaning: `holoforge formats`) [default: high]')
            [CompletionResult]::new('--crf', '--crf', [CompletionResultType]::ParameterName, 'Constant rate factor (or the format''s quality number), overriding --quality')
            [CompletionResult]::new('--encoder-preset', '--encoder-preset', [CompletionResultType]::ParameterName, 'Encoder speed preset, e.g. x264''s ultrafast … veryslow, VP9''s -cpu-used 0..8')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p]')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p]')
            [CompletionResult]::new('--fps', '--fps', [CompletionResultType]::ParameterName, 'Frames per second [default: 30]')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Clip length in seconds: the clip is duration × fps frames, one turntable turn spans it [default: 6, or one play of the model''s animation]')
            [CompletionResult]::new('--frames', '--frames', [CompletionResultType]::ParameterName, 'Number of frames to render from --start-frame; they must lie inside the clip [default: the rest of the clip]')
            [CompletionResult]::new('--start-frame', '--start-frame', [CompletionResultType]::ParameterName, 'First frame to render (for render farms: a range equals that range of a full run) [default: 0]')
            [CompletionResult]::new('--camera', '--camera', [CompletionResultType]::ParameterName, 'Camera motion: turntable (full turns around the model), orbit (a swing around the start view), still (the start view for every frame), path (a keyframed path, from a manifest''s [[job.path]] tables), file:NAME (a camera of the model file), or a named view for a still (front, back, right, left, top, bottom, angle45, isometric) [default: turntable, or path when the job has one]')
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'Named view the motion starts from (front, back, right, left, top, bottom, angle45, isometric)')
            [CompletionResult]::new('--azimuth', '--azimuth', [CompletionResultType]::ParameterName, 'Start azimuth in degrees, from the front towards the right [default: the view''s, else 0]')
            [CompletionResult]::new('--elevation', '--elevation', [CompletionResultType]::ParameterName, 'Camera elevation above the horizon, in degrees [default: the view''s, else 15]')
            [CompletionResult]::new('--turns', '--turns', [CompletionResultType]::ParameterName, 'Turntable turns over the clip (negative: clockwise seen from above) [default: 1]')
            [CompletionResult]::new('--orbit-sweep', '--orbit-sweep', [CompletionResultType]::ParameterName, 'Orbit: total azimuth swing in degrees [default: 90]')
            [CompletionResult]::new('--orbit-swing', '--orbit-swing', [CompletionResultType]::ParameterName, 'Orbit: elevation swing in degrees [default: 10]')
            [CompletionResult]::new('--fov', '--fov', [CompletionResultType]::ParameterName, 'Vertical field of view in degrees [default: 35]')
            [CompletionResult]::new('--margin', '--margin', [CompletionResultType]::ParameterName, 'Space around the model, as a fraction of its size [default: 0.1]')
            [CompletionResult]::new('--style', '--style', [CompletionResultType]::ParameterName, 'Surface style: hologram (rim glow, scanlines, bloom), shaded (lit reference look) or wireframe (glowing edges) [default: hologram]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Hologram colour (hex) [default: #00e5ff]')
            [CompletionResult]::new('--look', '--look', [CompletionResultType]::ParameterName, 'Look preset (classic, amber, matrix, mono) or a parameter as KEY=VALUE (color, rim-power, rim-strength, rim-whiten, fill, fill-opacity, scanline-density, scanline-strength, scanline-speed, scanline-space, flicker, flicker-rate, glitch, glitch-rate, glitch-split, glitch-spike, glitch-jitter, seed, xray, bloom, bloom-threshold, bloom-radius, bloom-halo, bloom-halo-radius, wire-width, wire-angle, wire-brightness, wire-over-hologram, wire-hidden, edge-glow, edge-angle, detail); repeatable')
            [CompletionResult]::new('--layout', '--layout', [CompletionResultType]::ParameterName, 'Display layout: single (one view), quilt (Looking Glass), pyramid (Pepper''s ghost), fan (LED fan) or sheet (front, right, top and isometric views in a 2×2 contact sheet) [default: single]')
            [CompletionResult]::new('--device', '--device', [CompletionResultType]::ParameterName, 'Display preset (sets the layout too): quilts: go, portrait, 16-landscape, 16-portrait, 32-landscape, 32-portrait, 65; pyramids: phone, tablet, monitor; fans: fan-1024, fan-720')
            [CompletionResult]::new('--quilt', '--quilt', [CompletionResultType]::ParameterName, 'Quilt views as COLSxROWS [default: the device''s]')
            [CompletionResult]::new('--view-cone', '--view-cone', [CompletionResultType]::ParameterName, 'Quilt: angle from the leftmost to the rightmost view, in degrees [default: 40]')
            [CompletionResult]::new('--quilt-aspect', '--quilt-aspect', [CompletionResultType]::ParameterName, 'Quilt: the display''s width / height [default: the device''s]')
            [CompletionResult]::new('--pyramid', '--pyramid', [CompletionResultType]::ParameterName, 'Pyramid mounting: outward (views'' tops point away from the centre) or inward [default: outward]')
            [CompletionResult]::new('--pyramid-gap', '--pyramid-gap', [CompletionResultType]::ParameterName, 'Pyramid: share of the canvas side left black in the centre, 1/3 to 0.9 [default: 1/3]')
            [CompletionResult]::new('--pyramid-mirror', '--pyramid-mirror', [CompletionResultType]::ParameterName, 'Pyramid: mirror each view so that its reflection in the pane reads the right way round; false for displays that mirror the picture themselves [default: true]')
            [CompletionResult]::new('--sheet-labels', '--sheet-labels', [CompletionResultType]::ParameterName, 'Sheet: write each view''s name in its corner [default: true]')
            [CompletionResult]::new('--background', '--background', [CompletionResultType]::ParameterName, 'Background: transparent or a hex colour [default: transparent for alpha formats, black otherwise]')
            [CompletionResult]::new('--up', '--up', [CompletionResultType]::ParameterName, 'Up axis of the model file: auto (glTF/FBX/OBJ/PLY Y-up, STL/3MF Z-up), y or z [default: auto]')
            [CompletionResult]::new('--animation', '--animation', [CompletionResultType]::ParameterName, 'glTF animation to play, by name or index [default: the first]; without --duration, one play of the clip is rendered')
            [CompletionResult]::new('--animation-speed', '--animation-speed', [CompletionResultType]::ParameterName, 'Animation speed factor (2 = twice as fast) [default: 1]')
            [CompletionResult]::new('--animation-end', '--animation-end', [CompletionResultType]::ParameterName, 'After the clip ends: loop, or clamp (hold the last pose) [default: loop]')
            [CompletionResult]::new('--poster-frame', '--poster-frame', [CompletionResultType]::ParameterName, 'The frame of the poster (implies --poster) [default: the first rendered]')
            [CompletionResult]::new('--aa', '--aa', [CompletionResultType]::ParameterName, 'Anti-aliasing of edges: msaa (4× multisampling, the default), fxaa (edge smoothing in the final pass, cheap on CPU drivers) or none (aliased edges) [default: msaa]')
            [CompletionResult]::new('--msaa', '--msaa', [CompletionResultType]::ParameterName, 'Multisample anti-aliasing, the older spelling of --aa: 4 is --aa msaa, 1 is --aa none')
            [CompletionResult]::new('--adapter', '--adapter', [CompletionResultType]::ParameterName, 'Use the GPU adapter whose description contains this text, e.g. nvidia, llvmpipe, vulkan, gl (the adapter in use is shown when a render starts)')
            [CompletionResult]::new('--ffmpeg', '--ffmpeg', [CompletionResultType]::ParameterName, 'The ffmpeg executable [default: $HOLOFORGE_FFMPEG, ffmpeg on PATH, then a pip-installed imageio-ffmpeg]')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Frame progress: auto (a bar on a terminal, else a line every 5 s or 10 %), bar, lines, none')
            [CompletionResult]::new('--orbit-loop', '--orbit-loop', [CompletionResultType]::ParameterName, 'Orbit: a full turn while the elevation swings, instead of the back-and-forth sweep')
            [CompletionResult]::new('--ortho', '--ortho', [CompletionResultType]::ParameterName, 'Orthographic projection (no perspective)')
            [CompletionResult]::new('--poster', '--poster', [CompletionResultType]::ParameterName, 'Also write `<output stem>.poster.jpg` beside the output: one frame as a thumbnail')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace existing outputs: a file, or a frame folder holoforge wrote (never a folder of yours, never a file the model reads)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only warnings and errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Write NDJSON events to stdout for scripts (the same schema as `run --json`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'holoforge;demo' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif, rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp, .png) [default: named after the model, in the current folder]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif, rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp, .png) [default: named after the model, in the current folder]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format (see `holoforge formats`) [default: mp4]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (see `holoforge formats`) [default: mp4]')
            [CompletionResult]::new('--quality', '--quality', [CompletionResultType]::ParameterName, 'Encoding quality (each format''s meaning: `holoforge formats`) [default: high]')
            [CompletionResult]::new('--crf', '--crf', [CompletionResultType]::ParameterName, 'Constant rate factor (or the format''s quality number), overriding --quality')
            [CompletionResult]::new('--encoder-preset', '--encoder-preset', [CompletionResultType]::ParameterName, 'Encoder speed preset, e.g. x264''s ultrafast … veryslow, VP9''s -cpu-used 0..8')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p]')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p]')
            [CompletionResult]::new('--fps', '--fps', [CompletionResultType]::ParameterName, 'Frames per second [default: 30]')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Clip length in seconds: the clip is duration × fps frames, one turntable turn spans it [default: 6, or one play of the model''s animation]')
            [CompletionResult]::new('--frames', '--frames', [CompletionResultType]::ParameterName, 'Number of frames to render from --start-frame; they must lie inside the clip [default: the rest of the clip]')
            [CompletionResult]::new('--start-frame', '--start-frame', [CompletionResultType]::ParameterName, 'First frame to render (for render farms: a range equals that range of a full run) [default: 0]')
            [CompletionResult]::new('--camera', '--camera', [CompletionResultType]::ParameterName, 'Camera motion: turntable (full turns around the model), orbit (a swing around the start view), still (the start view for every frame), path (a keyframed path, from a manifest''s [[job.path]] tables), file:NAME (a camera of the model file), or a named view for a still (front, back, right, left, top, bottom, angle45, isometric) [default: turntable, or path when the job has one]')
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'Named view the motion starts from (front, back, right, left, top, bottom, angle45, isometric)')
            [CompletionResult]::new('--azimuth', '--azimuth', [CompletionResultType]::ParameterName, 'Start azimuth in degrees, from the front towards the right [default: the view''s, else 0]')
            [CompletionResult]::new('--elevation', '--elevation', [CompletionResultType]::ParameterName, 'Camera elevation above the horizon, in degrees [default: the view''s, else 15]')
            [CompletionResult]::new('--turns', '--turns', [CompletionResultType]::ParameterName, 'Turntable turns over the clip (negative: clockwise seen from above) [default: 1]')
            [CompletionResult]::new('--orbit-sweep', '--orbit-sweep', [CompletionResultType]::ParameterName, 'Orbit: total azimuth swing in degrees [default: 90]')
            [CompletionResult]::new('--orbit-swing', '--orbit-swing', [CompletionResultType]::ParameterName, 'Orbit: elevation swing in degrees [default: 10]')
            [CompletionResult]::new('--fov', '--fov', [CompletionResultType]::ParameterName, 'Vertical field of view in degrees [default: 35]')
            [CompletionResult]::new('--margin', '--margin', [CompletionResultType]::ParameterName, 'Space around the model, as a fraction of its size [default: 0.1]')
            [CompletionResult]::new('--style', '--style', [CompletionResultType]::ParameterName, 'Surface style: hologram (rim glow, scanlines, bloom), shaded (lit reference look) or wireframe (glowing edges) [default: hologram]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Hologram colour (hex) [default: #00e5ff]')
            [CompletionResult]::new('--look', '--look', [CompletionResultType]::ParameterName, 'Look preset (classic, amber, matrix, mono) or a parameter as KEY=VALUE (color, rim-power, rim-strength, rim-whiten, fill, fill-opacity, scanline-density, scanline-strength, scanline-speed, scanline-space, flicker, flicker-rate, glitch, glitch-rate, glitch-split, glitch-spike, glitch-jitter, seed, xray, bloom, bloom-threshold, bloom-radius, bloom-halo, bloom-halo-radius, wire-width, wire-angle, wire-brightness, wire-over-hologram, wire-hidden, edge-glow, edge-angle, detail); repeatable')
            [CompletionResult]::new('--layout', '--layout', [CompletionResultType]::ParameterName, 'Display layout: single (one view), quilt (Looking Glass), pyramid (Pepper''s ghost), fan (LED fan) or sheet (front, right, top and isometric views in a 2×2 contact sheet) [default: single]')
            [CompletionResult]::new('--device', '--device', [CompletionResultType]::ParameterName, 'Display preset (sets the layout too): quilts: go, portrait, 16-landscape, 16-portrait, 32-landscape, 32-portrait, 65; pyramids: phone, tablet, monitor; fans: fan-1024, fan-720')
            [CompletionResult]::new('--quilt', '--quilt', [CompletionResultType]::ParameterName, 'Quilt views as COLSxROWS [default: the device''s]')
            [CompletionResult]::new('--view-cone', '--view-cone', [CompletionResultType]::ParameterName, 'Quilt: angle from the leftmost to the rightmost view, in degrees [default: 40]')
            [CompletionResult]::new('--quilt-aspect', '--quilt-aspect', [CompletionResultType]::ParameterName, 'Quilt: the display''s width / height [default: the device''s]')
            [CompletionResult]::new('--pyramid', '--pyramid', [CompletionResultType]::ParameterName, 'Pyramid mounting: outward (views'' tops point away from the centre) or inward [default: outward]')
            [CompletionResult]::new('--pyramid-gap', '--pyramid-gap', [CompletionResultType]::ParameterName, 'Pyramid: share of the canvas side left black in the centre, 1/3 to 0.9 [default: 1/3]')
            [CompletionResult]::new('--pyramid-mirror', '--pyramid-mirror', [CompletionResultType]::ParameterName, 'Pyramid: mirror each view so that its reflection in the pane reads the right way round; false for displays that mirror the picture themselves [default: true]')
            [CompletionResult]::new('--sheet-labels', '--sheet-labels', [CompletionResultType]::ParameterName, 'Sheet: write each view''s name in its corner [default: true]')
            [CompletionResult]::new('--background', '--background', [CompletionResultType]::ParameterName, 'Background: transparent or a hex colour [default: transparent for alpha formats, black otherwise]')
            [CompletionResult]::new('--up', '--up', [CompletionResultType]::ParameterName, 'Up axis of the model file: auto (glTF/FBX/OBJ/PLY Y-up, STL/3MF Z-up), y or z [default: auto]')
            [CompletionResult]::new('--animation', '--animation', [CompletionResultType]::ParameterName, 'glTF animation to play, by name or index [default: the first]; without --duration, one play of the clip is rendered')
            [CompletionResult]::new('--animation-speed', '--animation-speed', [CompletionResultType]::ParameterName, 'Animation speed factor (2 = twice as fast) [default: 1]')
            [CompletionResult]::new('--animation-end', '--animation-end', [CompletionResultType]::ParameterName, 'After the clip ends: loop, or clamp (hold the last pose) [default: loop]')
            [CompletionResult]::new('--poster-frame', '--poster-frame', [CompletionResultType]::ParameterName, 'The frame of the poster (implies --poster) [default: the first rendered]')
            [CompletionResult]::new('--aa', '--aa', [CompletionResultType]::ParameterName, 'Anti-aliasing of edges: msaa (4× multisampling, the default), fxaa (edge smoothing in the final pass, cheap on CPU drivers) or none (aliased edges) [default: msaa]')
            [CompletionResult]::new('--msaa', '--msaa', [CompletionResultType]::ParameterName, 'Multisample anti-aliasing, the older spelling of --aa: 4 is --aa msaa, 1 is --aa none')
            [CompletionResult]::new('--adapter', '--adapter', [CompletionResultType]::ParameterName, 'Use the GPU adapter whose description contains this text, e.g. nvidia, llvmpipe, vulkan, gl (the adapter in use is shown when a render starts)')
            [CompletionResult]::new('--ffmpeg', '--ffmpeg', [CompletionResultType]::ParameterName, 'The ffmpeg executable [default: $HOLOFORGE_FFMPEG, ffmpeg on PATH, then a pip-installed imageio-ffmpeg]')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Frame progress: auto (a bar on a terminal, else a line every 5 s or 10 %), bar, lines, none')
            [CompletionResult]::new('--orbit-loop', '--orbit-loop', [CompletionResultType]::ParameterName, 'Orbit: a full turn while the elevation swings, instead of the back-and-forth sweep')
            [CompletionResult]::new('--ortho', '--ortho', [CompletionResultType]::ParameterName, 'Orthographic projection (no perspective)')
            [CompletionResult]::new('--poster', '--poster', [CompletionResultType]::ParameterName, 'Also write `<output stem>.poster.jpg` beside the output: one frame as a thumbnail')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace existing outputs: a file, or a frame folder holoforge wrote (never a folder of yours, never a file the model reads)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only warnings and errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Write NDJSON events to stdout for scripts (the same schema as `run --json`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'holoforge;run' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif, rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp, .png) [default: named after the model, in the current folder]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif, rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp, .png) [default: named after the model, in the current folder]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format (see `holoforge formats`) [default: mp4]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (see `holoforge formats`) [default: mp4]')
            [CompletionResult]::new('--quality', '--quality', [CompletionResultType]::ParameterName, 'Encoding quality (each format''s meaning: `holoforge formats`) [default: high]')
            [CompletionResult]::new('--crf', '--crf', [CompletionResultType]::ParameterName, 'Constant rate factor (or the format''s quality number), overriding --quality')
            [CompletionResult]::new('--encoder-preset', '--encoder-preset', [CompletionResultType]::ParameterName, 'Encoder speed preset, e.g. x264''s ultrafast … veryslow, VP9''s -cpu-used 0..8')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p]')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p]')
            [CompletionResult]::new('--fps', '--fps', [CompletionResultType]::ParameterName, 'Frames per second [default: 30]')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Clip length in seconds: the clip is duration × fps frames, one turntable turn spans it [default: 6, or one play of the model''s animation]')
            [CompletionResult]::new('--frames', '--frames', [CompletionResultType]::ParameterName, 'Number of frames to render from --start-frame; they must lie inside the clip [default: the rest of the clip]')
            [CompletionResult]::new('--start-frame', '--start-frame', [CompletionResultType]::ParameterName, 'First frame to render (for render farms: a range equals that range of a full run) [default: 0]')
            [CompletionResult]::new('--camera', '--camera', [CompletionResultType]::ParameterName, 'Camera motion: turntable (full turns around the model), orbit (a swing around the start view), still (the start view for every frame), path (a keyframed path, from a manifest''s [[job.path]] tables), file:NAME (a camera of the model file), or a named view for a still (front, back, right, left, top, bottom, angle45, isometric) [default: turntable, or path when the job has one]')
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'Named view the motion starts from (front, back, right, left, top, bottom, angle45, isometric)')
            [CompletionResult]::new('--azimuth', '--azimuth', [CompletionResultType]::ParameterName, 'Start azimuth in degrees, from the front towards the right [default: the view''s, else 0]')
            [CompletionResult]::new('--elevation', '--elevation', [CompletionResultType]::ParameterName, 'Camera elevation above the horizon, in degrees [default: the view''s, else 15]')
            [CompletionResult]::new('--turns', '--turns', [CompletionResultType]::ParameterName, 'Turntable turns over the clip (negative: clockwise seen from above) [default: 1]')
            [CompletionResult]::new('--orbit-sweep', '--orbit-sweep', [CompletionResultType]::ParameterName, 'Orbit: total azimuth swing in degrees [default: 90]')
            [CompletionResult]::new('--orbit-swing', '--orbit-swing', [CompletionResultType]::ParameterName, 'Orbit: elevation swing in degrees [default: 10]')
            [CompletionResult]::new('--fov', '--fov', [CompletionResultType]::ParameterName, 'Vertical field of view in degrees [default: 35]')
            [CompletionResult]::new('--margin', '--margin', [CompletionResultType]::ParameterName, 'Space around the model, as a fraction of its size [default: 0.1]')
            [CompletionResult]::new('--style', '--style', [CompletionResultType]::ParameterName, 'Surface style: hologram (rim glow, scanlines, bloom), shaded (lit reference look) or wireframe (glowing edges) [default: hologram]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Hologram colour (hex) [default: #00e5ff]')
            [CompletionResult]::new('--look', '--look', [CompletionResultType]::ParameterName, 'Look preset (classic, amber, matrix, mono) or a parameter as KEY=VALUE (color, rim-power, rim-strength, rim-whiten, fill, fill-opacity, scanline-density, scanline-strength, scanline-speed, scanline-space, flicker, flicker-rate, glitch, glitch-rate, glitch-split, glitch-spike, glitch-jitter, seed, xray, bloom, bloom-threshold, bloom-radius, bloom-halo, bloom-halo-radius, wire-width, wire-angle, wire-brightness, wire-over-hologram, wire-hidden, edge-glow, edge-angle, detail); repeatable')
            [CompletionResult]::new('--layout', '--layout', [CompletionResultType]::ParameterName, 'Display layout: single (one view), quilt (Looking Glass), pyramid (Pepper''s ghost), fan (LED fan) or sheet (front, right, top and isometric views in a 2×2 contact sheet) [default: single]')
            [CompletionResult]::new('--device', '--device', [CompletionResultType]::ParameterName, 'Display preset (sets the layout too): quilts: go, portrait, 16-landscape, 16-portrait, 32-landscape, 32-portrait, 65; pyramids: phone, tablet, monitor; fans: fan-1024, fan-720')
            [CompletionResult]::new('--quilt', '--quilt', [CompletionResultType]::ParameterName, 'Quilt views as COLSxROWS [default: the device''s]')
            [CompletionResult]::new('--view-cone', '--view-cone', [CompletionResultType]::ParameterName, 'Quilt: angle from the leftmost to the rightmost view, in degrees [default: 40]')
            [CompletionResult]::new('--quilt-aspect', '--quilt-aspect', [CompletionResultType]::ParameterName, 'Quilt: the display''s width / height [default: the device''s]')
            [CompletionResult]::new('--pyramid', '--pyramid', [CompletionResultType]::ParameterName, 'Pyramid mounting: outward (views'' tops point away from the centre) or inward [default: outward]')
            [CompletionResult]::new('--pyramid-gap', '--pyramid-gap', [CompletionResultType]::ParameterName, 'Pyramid: share of the canvas side left black in the centre, 1/3 to 0.9 [default: 1/3]')
            [CompletionResult]::new('--pyramid-mirror', '--pyramid-mirror', [CompletionResultType]::ParameterName, 'Pyramid: mirror each view so that its reflection in the pane reads the right way round; false for displays that mirror the picture themselves [default: true]')
            [CompletionResult]::new('--sheet-labels', '--sheet-labels', [CompletionResultType]::ParameterName, 'Sheet: write each view''s name in its corner [default: true]')
            [CompletionResult]::new('--background', '--background', [CompletionResultType]::ParameterName, 'Background: transparent or a hex colour [default: transparent for alpha formats, black otherwise]')
            [CompletionResult]::new('--up', '--up', [CompletionResultType]::ParameterName, 'Up axis of the model file: auto (glTF/FBX/OBJ/PLY Y-up, STL/3MF Z-up), y or z [default: auto]')
            [CompletionResult]::new('--animation', '--animation', [CompletionResultType]::ParameterName, 'glTF animation to play, by name or index [default: the first]; without --duration, one play of the clip is rendered')
            [CompletionResult]::new('--animation-speed', '--animation-speed', [CompletionResultType]::ParameterName, 'Animation speed factor (2 = twice as fast) [default: 1]')
            [CompletionResult]::new('--animation-end', '--animation-end', [CompletionResultType]::ParameterName, 'After the clip ends: loop, or clamp (hold the last pose) [default: loop]')
            [CompletionResult]::new('--poster-frame', '--poster-frame', [CompletionResultType]::ParameterName, 'The frame of the poster (implies --poster) [default: the first rendered]')
            [CompletionResult]::new('--aa', '--aa', [CompletionResultType]::ParameterName, 'Anti-aliasing of edges: msaa (4× multisampling, the default), fxaa (edge smoothing in the final pass, cheap on CPU drivers) or none (aliased edges) [default: msaa]')
            [CompletionResult]::new('--msaa', '--msaa', [CompletionResultType]::ParameterName, 'Multisample anti-aliasing, the older spelling of --aa: 4 is --aa msaa, 1 is --aa none')
            [CompletionResult]::new('--adapter', '--adapter', [CompletionResultType]::ParameterName, 'Use the GPU adapter whose description contains this text, e.g. nvidia, llvmpipe, vulkan, gl (the adapter in use is shown when a render starts)')
            [CompletionResult]::new('--ffmpeg', '--ffmpeg', [CompletionResultType]::ParameterName, 'The ffmpeg executable [default: $HOLOFORGE_FFMPEG, ffmpeg on PATH, then a pip-installed imageio-ffmpeg]')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Frame progress: auto (a bar on a terminal, else a line every 5 s or 10 %), bar, lines, none')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Run only shard K of N (1-based): jobs K, K+N, K+2N, … — for render farms')
            [CompletionResult]::new('--orbit-loop', '--orbit-loop', [CompletionResultType]::ParameterName, 'Orbit: a full turn while the elevation swings, instead of the back-and-forth sweep')
            [CompletionResult]::new('--ortho', '--ortho', [CompletionResultType]::ParameterName, 'Orthographic projection (no perspective)')
            [CompletionResult]::new('--poster', '--poster', [CompletionResultType]::ParameterName, 'Also write `<output stem>.poster.jpg` beside the output: one frame as a thumbnail')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace existing outputs: a file, or a frame folder holoforge wrote (never a folder of yours, never a file the model reads)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only warnings and errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Write NDJSON events to stdout for scripts (the same schema as `run --json`)')
            [CompletionResult]::new('--fail-fast', '--fail-fast', [CompletionResultType]::ParameterName, 'Stop at the first failed job (by default the batch goes on)')
            [CompletionResult]::new('--skip-existing', '--skip-existing', [CompletionResultType]::ParameterName, 'Skip jobs whose outputs all exist (resume an interrupted batch)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Validate and print the plan; render nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'holoforge;validate' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the plan as JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'holoforge;encode' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format [default: what -o''s extension names]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: what -o''s extension names]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output path [default: named after the folder]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output path [default: named after the folder]')
            [CompletionResult]::new('--fps', '--fps', [CompletionResultType]::ParameterName, 'Frames per second [default: frames.json''s, else 30]')
            [CompletionResult]::new('--background', '--background', [CompletionResultType]::ParameterName, 'Background for opaque formats (hex) [default: black]')
            [CompletionResult]::new('--quality', '--quality', [CompletionResultType]::ParameterName, 'Encoding quality (each format''s meaning: `holoforge formats`) [default: high]')
            [CompletionResult]::new('--crf', '--crf', [CompletionResultType]::ParameterName, 'Constant rate factor (or the format''s quality number), overriding --quality')
            [CompletionResult]::new('--encoder-preset', '--encoder-preset', [CompletionResultType]::ParameterName, 'Encoder speed preset, e.g. x264''s ultrafast … veryslow, VP9''s -cpu-used 0..8')
            [CompletionResult]::new('--ffmpeg', '--ffmpeg', [CompletionResultType]::ParameterName, 'The ffmpeg executable [default: $HOLOFORGE_FFMPEG, ffmpeg on PATH, then a pip-installed imageio-ffmpeg]')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Frame progress: auto (a bar on a terminal, else a line every 5 s or 10 %), bar, lines, none')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace existing outputs: a file, or a frame folder holoforge wrote (never a folder of yours, never a file the model reads)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only warnings and errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Write NDJSON events to stdout for scripts (the same schema as `run --json`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'holoforge;inspect' {
            [CompletionResult]::new('--up', '--up', [CompletionResultType]::ParameterName, 'Up axis of the model file: auto (glTF/FBX/OBJ/PLY Y-up, STL/3MF Z-up), y or z')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for scripts instead of text')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'holoforge;formats' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for scripts instead of text')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'holoforge;doctor' {
            [CompletionResult]::new('--ffmpeg', '--ffmpeg', [CompletionResultType]::ParameterName, 'The ffmpeg executable to check [default: as for render]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for scripts instead of text')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'holoforge;bench' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif, rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp, .png) [default: named after the model, in the current folder]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif, rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp, .png) [default: named after the model, in the current folder]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format (see `holoforge formats`) [default: mp4]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (see `holoforge formats`) [default: mp4]')
            [CompletionResult]::new('--quality', '--quality', [CompletionResultType]::ParameterName, 'Encoding quality (each format''s meaning: `holoforge formats`) [default: high]')
            [CompletionResult]::new('--crf', '--crf', [CompletionResultType]::ParameterName, 'Constant rate factor (or the format''s quality number), overriding --quality')
            [CompletionResult]::new('--encoder-preset', '--encoder-preset', [CompletionResultType]::ParameterName, 'Encoder speed preset, e.g. x264''s ultrafast … veryslow, VP9''s -cpu-used 0..8')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p]')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p]')
            [CompletionResult]::new('--fps', '--fps', [CompletionResultType]::ParameterName, 'Frames per second [default: 30]')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Clip length in seconds: the clip is duration × fps frames, one turntable turn spans it [default: 6, or one play of the model''s animation]')
            [CompletionResult]::new('--frames', '--frames', [CompletionResultType]::ParameterName, 'Number of frames to render from --start-frame; they must lie inside the clip [default: the rest of the clip]')
            [CompletionResult]::new('--start-frame', '--start-frame', [CompletionResultType]::ParameterName, 'First frame to render (for render farms: a range equals that range of a full run) [default: 0]')
            [CompletionResult]::new('--camera', '--camera', [CompletionResultType]::ParameterName, 'Camera motion: turntable (full turns around the model), orbit (a swing around the start view), still (the start view for every frame), path (a keyframed path, from a manifest''s [[job.path]] tables), file:NAME (a camera of the model file), or a named view for a still (front, back, right, left, top, bottom, angle45, isometric) [default: turntable, or path when the job has one]')
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'Named view the motion starts from (front, back, right, left, top, bottom, angle45, isometric)')
            [CompletionResult]::new('--azimuth', '--azimuth', [CompletionResultType]::ParameterName, 'Start azimuth in degrees, from the front towards the right [default: the view''s, else 0]')
            [CompletionResult]::new('--elevation', '--elevation', [CompletionResultType]::ParameterName, 'Camera elevation above the horizon, in degrees [default: the view''s, else 15]')
            [CompletionResult]::new('--turns', '--turns', [CompletionResultType]::ParameterName, 'Turntable turns over the clip (negative: clockwise seen from above) [default: 1]')
            [CompletionResult]::new('--orbit-sweep', '--orbit-sweep', [CompletionResultType]::ParameterName, 'Orbit: total azimuth swing in degrees [default: 90]')
            [CompletionResult]::new('--orbit-swing', '--orbit-swing', [CompletionResultType]::ParameterName, 'Orbit: elevation swing in degrees [default: 10]')
            [CompletionResult]::new('--fov', '--fov', [CompletionResultType]::ParameterName, 'Vertical field of view in degrees [default: 35]')
            [CompletionResult]::new('--margin', '--margin', [CompletionResultType]::ParameterName, 'Space around the model, as a fraction of its size [default: 0.1]')
            [CompletionResult]::new('--style', '--style', [CompletionResultType]::ParameterName, 'Surface style: hologram (rim glow, scanlines, bloom), shaded (lit reference look) or wireframe (glowing edges) [default: hologram]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Hologram colour (hex) [default: #00e5ff]')
            [CompletionResult]::new('--look', '--look', [CompletionResultType]::ParameterName, 'Look preset (classic, amber, matrix, mono) or a parameter as KEY=VALUE (color, rim-power, rim-strength, rim-whiten, fill, fill-opacity, scanline-density, scanline-strength, scanline-speed, scanline-space, flicker, flicker-rate, glitch, glitch-rate, glitch-split, glitch-spike, glitch-jitter, seed, xray, bloom, bloom-threshold, bloom-radius, bloom-halo, bloom-halo-radius, wire-width, wire-angle, wire-brightness, wire-over-hologram, wire-hidden, edge-glow, edge-angle, detail); repeatable')
            [CompletionResult]::new('--layout', '--layout', [CompletionResultType]::ParameterName, 'Display layout: single (one view), quilt (Looking Glass), pyramid (Pepper''s ghost), fan (LED fan) or sheet (front, right, top and isometric views in a 2×2 contact sheet) [default: single]')
            [CompletionResult]::new('--device', '--device', [CompletionResultType]::ParameterName, 'Display preset (sets the layout too): quilts: go, portrait, 16-landscape, 16-portrait, 32-landscape, 32-portrait, 65; pyramids: phone, tablet, monitor; fans: fan-1024, fan-720')
            [CompletionResult]::new('--quilt', '--quilt', [CompletionResultType]::ParameterName, 'Quilt views as COLSxROWS [default: the device''s]')
            [CompletionResult]::new('--view-cone', '--view-cone', [CompletionResultType]::ParameterName, 'Quilt: angle from the leftmost to the rightmost view, in degrees [default: 40]')
            [CompletionResult]::new('--quilt-aspect', '--quilt-aspect', [CompletionResultType]::ParameterName, 'Quilt: the display''s width / height [default: the device''s]')
            [CompletionResult]::new('--pyramid', '--pyramid', [CompletionResultType]::ParameterName, 'Pyramid mounting: outward (views'' tops point away from the centre) or inward [default: outward]')
            [CompletionResult]::new('--pyramid-gap', '--pyramid-gap', [CompletionResultType]::ParameterName, 'Pyramid: share of the canvas side left black in the centre, 1/3 to 0.9 [default: 1/3]')
            [CompletionResult]::new('--pyramid-mirror', '--pyramid-mirror', [CompletionResultType]::ParameterName, 'Pyramid: mirror each view so that its reflection in the pane reads the right way round; false for displays that mirror the picture themselves [default: true]')
            [CompletionResult]::new('--sheet-labels', '--sheet-labels', [CompletionResultType]::ParameterName, 'Sheet: write each view''s name in its corner [default: true]')
            [CompletionResult]::new('--background', '--background', [CompletionResultType]::ParameterName, 'Background: transparent or a hex colour [default: transparent for alpha formats, black otherwise]')
            [CompletionResult]::new('--up', '--up', [CompletionResultType]::ParameterName, 'Up axis of the model file: auto (glTF/FBX/OBJ/PLY Y-up, STL/3MF Z-up), y or z [default: auto]')
            [CompletionResult]::new('--animation', '--animation', [CompletionResultType]::ParameterName, 'glTF animation to play, by name or index [default: the first]; without --duration, one play of the clip is rendered')
            [CompletionResult]::new('--animation-speed', '--animation-speed', [CompletionResultType]::ParameterName, 'Animation speed factor (2 = twice as fast) [default: 1]')
            [CompletionResult]::new('--animation-end', '--animation-end', [CompletionResultType]::ParameterName, 'After the clip ends: loop, or clamp (hold the last pose) [default: loop]')
            [CompletionResult]::new('--poster-frame', '--poster-frame', [CompletionResultType]::ParameterName, 'The frame of the poster (implies --poster) [default: the first rendered]')
            [CompletionResult]::new('--aa', '--aa', [CompletionResultType]::ParameterName, 'Anti-aliasing of edges: msaa (4× multisampling, the default), fxaa (edge smoothing in the final pass, cheap on CPU drivers) or none (aliased edges) [default: msaa]')
            [CompletionResult]::new('--msaa', '--msaa', [CompletionResultType]::ParameterName, 'Multisample anti-aliasing, the older spelling of --aa: 4 is --aa msaa, 1 is --aa none')
            [CompletionResult]::new('--adapter', '--adapter', [CompletionResultType]::ParameterName, 'Use the GPU adapter whose description contains this text, e.g. nvidia, llvmpipe, vulkan, gl (the adapter in use is shown when a render starts)')
            [CompletionResult]::new('--ffmpeg', '--ffmpeg', [CompletionResultType]::ParameterName, 'The ffmpeg executable [default: $HOLOFORGE_FFMPEG, ffmpeg on PATH, then a pip-installed imageio-ffmpeg]')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Frame progress: auto (a bar on a terminal, else a line every 5 s or 10 %), bar, lines, none')
            [CompletionResult]::new('--orbit-loop', '--orbit-loop', [CompletionResultType]::ParameterName, 'Orbit: a full turn while the elevation swings, instead of the back-and-forth sweep')
            [CompletionResult]::new('--ortho', '--ortho', [CompletionResultType]::ParameterName, 'Orthographic projection (no perspective)')
            [CompletionResult]::new('--poster', '--poster', [CompletionResultType]::ParameterName, 'Also write `<output stem>.poster.jpg` beside the output: one frame as a thumbnail')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace existing outputs: a file, or a frame folder holoforge wrote (never a folder of yours, never a file the model reads)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only warnings and errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Write NDJSON events to stdout for scripts (the same schema as `run --json`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'holoforge;completions' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'holoforge;man' {
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace pages that exist in DIR')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'holoforge;generate-docs' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'holoforge;help' {
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Render models into hologram videos or frame sequences (one output per model)')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Render the built-in demo model: works with no input file')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Render every job of a TOML manifest (command-line options override it)')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check a manifest and print the resolved plan; nothing is rendered')
            [CompletionResult]::new('encode', 'encode', [CompletionResultType]::ParameterValue, 'Turn a PNG or RGBA frame sequence (e.g. assembled from farm shards) into any format')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show what the loader understood of a model: triangles, bounds, materials, animations')
            [CompletionResult]::new('formats', 'formats', [CompletionResultType]::ParameterValue, 'List the export formats')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check this machine: GPU adapters and limits, ffmpeg and its encoders, formats available here')
            [CompletionResult]::new('bench', 'bench', [CompletionResultType]::ParameterValue, 'Time each stage of a frame (pre-pass, surfaces, edges, bloom, encode, readback) and the sinks on this machine''s adapter, for one model and the render options given; writes nothing')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the completion script for a shell (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write the man pages into the man tree DIR (man1/holoforge.1, man1/holoforge-render.1, …, man5/holoforge-manifest.5), or print holoforge(1)')
            [CompletionResult]::new('generate-docs', 'generate-docs', [CompletionResultType]::ParameterValue, 'Write the man pages and shell completions under DIR (for packagers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'holoforge;help;render' {
            break
        }
        'holoforge;help;demo' {
            break
        }
        'holoforge;help;run' {
            break
        }
        'holoforge;help;validate' {
            break
        }
        'holoforge;help;encode' {
            break
        }
        'holoforge;help;inspect' {
            break
        }
        'holoforge;help;formats' {
            break
        }
        'holoforge;help;doctor' {
            break
        }
        'holoforge;help;bench' {
            break
        }
        'holoforge;help;completions' {
            break
        }
        'holoforge;help;man' {
            break
        }
        'holoforge;help;generate-docs' {
            break
        }
        'holoforge;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
