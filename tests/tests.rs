
mod analysis_parity;
