
mod resolve;
