//! Text files: `loadtxt`, `savetxt`, `genfromtxt`.

mod element;
mod loadtxt;
mod printf;
mod savetxt;

pub use element::TxtElement;
pub use loadtxt::{LoadTxtOptions, loadtxt, loadtxt_str};
pub use printf::FmtValue;
pub use savetxt::{SaveTxtOptions, TxtFmt, savetxt, savetxt_string};
