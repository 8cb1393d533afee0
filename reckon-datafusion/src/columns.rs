//! The Arrow side of the functions: which column types they take, how a
//! column of text is read, and how a reckon number becomes an Arrow one.

use std::sync::Arc;

use datafusion::arrow::array::{
    Array, ArrayRef, AsArray, Decimal128Array, StringArray, StringBuilder,
};
use datafusion::arrow::datatypes::DataType;
use datafusion::common::{Result, plan_err};
use reckon::Decimal;

/// The precision of the numbers the functions return: Arrow's widest
/// 128-bit decimal.
pub(crate) const PRECISION: u8 = 38;

/// The scale of the numbers the functions return: nine decimal places,
/// which leaves 29 digits before the point, so every whole number a
/// [`Decimal`] holds (up to 79,228,162,514,264,337,593,543,950,335) fits.
pub(crate) const SCALE: i8 = 9;

/// The Arrow type of the numbers the functions return.
pub(crate) fn decimal_type() -> DataType {
    DataType::Decimal128(PRECISION, SCALE)
}

/// `d` as the mantissa of a `Decimal128(38, 9)`: rounded to nine decimal
/// places, half to even (a figure with more places is rare: counts are
/// whole). `None` never happens for a [`Decimal`], whose mantissa is under
/// 2⁹⁶, but the arithmetic is checked all the same.
pub(crate) fn mantissa(d: Decimal) -> Option<i128> {
    let d = d.round_dp(SCALE.unsigned_abs().into());
    let up = SCALE
        .unsigned_abs()
        .checked_sub(u8::try_from(d.scale()).ok()?)?;
    d.mantissa().checked_mul(10_i128.checked_pow(up.into())?)
}

/// A column of numbers from optional decimals.
pub(crate) fn decimals(values: impl IntoIterator<Item = Option<Decimal>>) -> Result<ArrayRef> {
    let array: Decimal128Array = values.into_iter().map(|v| v.and_then(mantissa)).collect();
    Ok(Arc::new(array.with_precision_and_scale(PRECISION, SCALE)?))
}

/// The type an argument that holds text is read as: text stays text (in
/// any of Arrow's three string layouts), a number or a date is written out
/// as text ("200", "2014-03-15"), and a null literal is text.
pub(crate) fn as_text_type(name: &str, position: usize, t: &DataType) -> Result<DataType> {
    match t {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => Ok(t.clone()),
        DataType::Null
        | DataType::Int8
        | DataType::Int16
        | DataType::Int32
        | DataType::Int64
        | DataType::UInt8
        | DataType::UInt16
        | DataType::UInt32
        | DataType::UInt64
        | DataType::Float32
        | DataType::Float64
        | DataType::Decimal128(..)
        | DataType::Decimal256(..)
        | DataType::Date32
        | DataType::Date64 => Ok(DataType::Utf8),
        other => plan_err!("{name}: argument {position} is {other}, not text, a number or a date"),
    }
}

/// The strings of a text column, `None` for a null: borrowed from the
/// column, whichever string layout it has.
pub(crate) fn strings(array: &ArrayRef) -> Result<Vec<Option<&str>>> {
    Ok(match array.data_type() {
        DataType::Utf8 => array.as_string::<i32>().iter().collect(),
        DataType::LargeUtf8 => array.as_string::<i64>().iter().collect(),
        DataType::Utf8View => array.as_string_view().iter().collect(),
        DataType::Null => vec![None; array.len()],
        other => {
            return datafusion::common::internal_err!("a text column was expected, not {other}");
        }
    })
}

/// A text column from optional strings.
pub(crate) fn texts<S: AsRef<str>>(values: impl IntoIterator<Item = Option<S>>) -> ArrayRef {
    Arc::new(StringArray::from_iter(values))
}

/// A text column of `values`, its buffers sized before they are filled (a
/// result column of millions of short labels is otherwise copied each time
/// it doubles).
pub(crate) fn labels(values: &[Option<&str>]) -> ArrayRef {
    let bytes = values.iter().flatten().map(|s| s.len()).sum();
    let mut column = StringBuilder::with_capacity(values.len(), bytes);
    for v in values {
        column.append_option(*v);
    }
    Arc::new(column.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_decimal_fits_at_nine_places() {
        assert_eq!(
            mantissa(Decimal::MAX),
            Some(Decimal::MAX.mantissa() * 1_000_000_000)
        );
        assert_eq!(
            mantissa(Decimal::MIN),
            Some(-Decimal::MAX.mantissa() * 1_000_000_000)
        );
        assert!(mantissa(Decimal::MAX).unwrap() < 10_i128.pow(38));
        assert_eq!(mantissa(Decimal::new(2_500, 1)), Some(250_000_000_000));
        // Rounded half to even past the ninth place.
        assert_eq!(mantissa(Decimal::new(5, 10)), Some(0));
        assert_eq!(mantissa(Decimal::new(15, 10)), Some(2));
        assert_eq!(mantissa(Decimal::new(1, 28)), Some(0));
    }

    #[test]
    fn text_numbers_and_dates_are_read_as_text() {
        assert_eq!(
            as_text_type("f", 1, &DataType::Int64).unwrap(),
            DataType::Utf8
        );
        assert_eq!(
            as_text_type("f", 1, &DataType::Utf8View).unwrap(),
            DataType::Utf8View
        );
        let err = as_text_type("f", 2, &DataType::Boolean).unwrap_err();
        assert!(
            err.to_string().contains("f: argument 2 is Boolean"),
            "{err}"
        );
    }
}
