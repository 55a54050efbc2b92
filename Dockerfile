# holoforge in a container: a Rust builder stage, then a Debian runtime with ffmpeg and Mesa's CPU
# drivers (llvmpipe through EGL, lavapipe through Vulkan), so it renders on any node, GPU or not.
#
#   docker build -t holoforge .
#   docker run --rm -v "$PWD:/work" holoforge render model.glb -o model.mp4
#   docker run --rm --gpus all -v "$PWD:/work" holoforge render model.glb    # NVIDIA nodes
FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked && strip target/release/holoforge

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ffmpeg mesa-vulkan-drivers libvulkan1 libegl1 libegl-mesa0 libgl1-mesa-dri \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/target/release/holoforge /usr/local/bin/holoforge
# On NVIDIA nodes the container toolkit mounts the driver's Vulkan/EGL libraries only for the
# "graphics" capability; "video" is there for ffmpeg builds that use NVENC.
ENV NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=graphics,compute,utility,video \
    NODEVICE_SELECT=1
RUN useradd --create-home --uid 1000 holoforge
USER holoforge
WORKDIR /work
ENTRYPOINT ["holoforge"]
CMD ["doctor"]
