//! Tests of the state machine (filled below).
