# Build stage: compile the release binary (templates, static files and the sample corpus are
# compiled in).
FROM rust:1-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src src
COPY templates templates
COPY static static
COPY migrations migrations
COPY sample sample
COPY benches benches
RUN cargo build --release --locked && strip target/release/rencai

# Runtime stage: just the binary on a slim Debian.
FROM debian:bookworm-slim
RUN useradd --system --home /data rencai && mkdir -p /data && chown rencai /data
COPY --from=build /src/target/release/rencai /usr/local/bin/rencai
USER rencai
ENV RENCAI_DATA=/data RENCAI_ADDR=0.0.0.0:8080
VOLUME ["/data"]
EXPOSE 8080
CMD ["rencai", "serve"]
