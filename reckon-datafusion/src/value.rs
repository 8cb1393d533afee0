//! Scalar functions over a column of values written in reckon's grammar or
//! in English: `reckon_low`, `reckon_high`, `reckon_best`, `reckon_form`,
//! `reckon_value` (the whole reading as a struct) and `reckon_value_error`
//! (why a value could not be read). A value that cannot be read gives null,
//! never an aborted query; `reckon_value_error` says why.

use std::sync::Arc;

use datafusion::arrow::array::{ArrayRef, StructArray};
use datafusion::arrow::datatypes::{DataType, Field, Fields};
use datafusion::common::{Result, plan_err};
use datafusion::logical_expr::{
    ColumnarValue, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};
use reckon::{Estimate, Lexicon};

use crate::columns::{as_text_type, decimal_type, decimals, strings, texts};

/// What a value function gives of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Part {
    Low,
    High,
    Best,
    Form,
    Reading,
    Error,
}

impl Part {
    const ALL: [Part; 6] = [
        Part::Low,
        Part::High,
        Part::Best,
        Part::Form,
        Part::Reading,
        Part::Error,
    ];

    fn name(self) -> &'static str {
        match self {
            Part::Low => "reckon_low",
            Part::High => "reckon_high",
            Part::Best => "reckon_best",
            Part::Form => "reckon_form",
            Part::Reading => "reckon_value",
            Part::Error => "reckon_value_error",
        }
    }
}

/// The fields of `reckon_value`'s struct.
pub(crate) fn reading_fields() -> Fields {
    Fields::from(vec![
        Field::new("low", decimal_type(), true),
        Field::new("best", decimal_type(), true),
        Field::new("high", decimal_type(), true),
        Field::new("form", DataType::Utf8, false),
        Field::new("value", DataType::Utf8, false),
    ])
}

/// One of the value functions.
#[derive(Debug, PartialEq, Eq, Hash)]
struct ValueFunction {
    part: Part,
    signature: Signature,
}

/// Reads a value as reckon reads a claims table's `value` column: its
/// grammar first ("50–170", "20+", "~400"), then English ("more than 100",
/// "dozens"), with the shared lexicon.
pub(crate) fn read(text: &str) -> Result<Estimate, reckon::Error> {
    reckon::text::phrase(text, Lexicon::shared())
}

impl ScalarUDFImpl for ValueFunction {
    fn name(&self) -> &str {
        self.part.name()
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        match arg_types {
            [t] => Ok(vec![as_text_type(self.name(), 1, t)?]),
            _ => plan_err!(
                "{} takes one argument, the value, not {}",
                self.name(),
                arg_types.len()
            ),
        }
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(match self.part {
            Part::Low | Part::High | Part::Best => decimal_type(),
            Part::Form | Part::Error => DataType::Utf8,
            Part::Reading => DataType::Struct(reading_fields()),
        })
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let [arg] = args.args.as_slice() else {
            return plan_err!("{} takes one argument, the value", self.name());
        };
        let column = arg.to_array(args.number_rows)?;
        let readings: Vec<Option<Result<Estimate, reckon::Error>>> =
            strings(&column)?.into_iter().map(|v| v.map(read)).collect();
        let ok = || {
            readings
                .iter()
                .map(|r| r.as_ref().and_then(|r| r.as_ref().ok()))
        };
        let out: ArrayRef = match self.part {
            Part::Low => {
                decimals(ok().map(|e| e.filter(|e| !e.is_unknown()).map(|e| e.interval().low())))?
            }
            Part::High => decimals(ok().map(|e| e.and_then(|e| e.interval().high())))?,
            Part::Best => decimals(ok().map(|e| e.and_then(Estimate::best)))?,
            Part::Form => texts(ok().map(|e| e.map(|e| e.form().name()))),
            Part::Error => texts(readings.iter().map(|r| match r {
                Some(Err(e)) => Some(e.to_string()),
                _ => None,
            })),
            Part::Reading => reading_array(ok())?,
        };
        Ok(ColumnarValue::Array(out))
    }
}

/// The struct column of `reckon_value`: null where the value is null or
/// cannot be read.
fn reading_array<'e>(
    values: impl Iterator<Item = Option<&'e Estimate>> + Clone,
) -> Result<ArrayRef> {
    let nulls: Vec<bool> = values.clone().map(|e| e.is_some()).collect();
    let known = || values.clone().map(|e| e.filter(|e| !e.is_unknown()));
    let columns: Vec<ArrayRef> = vec![
        decimals(known().map(|e| e.map(|e| e.interval().low())))?,
        decimals(known().map(|e| e.and_then(Estimate::best)))?,
        decimals(known().map(|e| e.and_then(|e| e.interval().high())))?,
        texts(
            values
                .clone()
                .map(|e| Some(e.map_or("", |e| e.form().name()))),
        ),
        texts(values.map(|e| Some(e.map_or_else(String::new, ToString::to_string)))),
    ];
    Ok(Arc::new(StructArray::try_new(
        reading_fields(),
        columns,
        Some(nulls.into()),
    )?))
}

/// The six value functions.
pub(crate) fn functions() -> Vec<ScalarUDF> {
    Part::ALL
        .into_iter()
        .map(|part| {
            ScalarUDF::from(ValueFunction {
                part,
                signature: Signature::user_defined(Volatility::Immutable),
            })
        })
        .collect()
}
