//! The error type as a user holds it: its size, and the text of the place
//! it names.

use reckon::error::Location;

#[test]
fn an_error_is_one_pointer_wide() {
    assert_eq!(
        std::mem::size_of::<reckon::Error>(),
        std::mem::size_of::<usize>()
    );
}

#[test]
fn location_display_writes_known_parts() {
    let loc = Location::file("claims.csv")
        .with_line(12)
        .with_field("value");
    assert_eq!(loc.to_string(), "claims.csv line 12, field `value`");
    assert_eq!(
        Location::default().with_line(3).with_column(7).to_string(),
        "line 3, column 7"
    );
}
