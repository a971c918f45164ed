//! Reading inputs: finding files, decoding bytes.
