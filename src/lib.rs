//! rencai: a web archive of Chinese regional talent-policy articles.

pub mod archive;
pub mod article;
pub mod benefit;
pub mod cli;
pub mod document;
pub mod export;
pub mod fold;
pub mod ingest;
pub mod region;
pub mod report;
pub mod sample;
pub mod search;
pub mod store;
pub mod web;
