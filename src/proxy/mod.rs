//! `dbiam proxy`: a loopback listener that speaks the server side of each engine's
//! handshake and logs clients in upstream with IAM.

pub mod mysql;
