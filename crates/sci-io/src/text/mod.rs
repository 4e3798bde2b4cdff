//! Text files: `loadtxt`, `savetxt`, `genfromtxt`.

mod element;
mod genfromtxt;
mod loadtxt;
mod printf;
mod savetxt;

pub use element::TxtElement;
pub use genfromtxt::{Column, GenDtype, GenFromTxtOptions, Table, genfromtxt, genfromtxt_str};
pub use loadtxt::{LoadTxtOptions, loadtxt, loadtxt_str};
pub use printf::FmtValue;
pub use savetxt::{SaveTxtOptions, TxtFmt, savetxt, savetxt_string};
