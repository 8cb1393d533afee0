//! `reckon_extract(text)`: every figure in a column of running text, as a
//! list of structs (span, text, value, bounds, form, unit, noun, measure,
//! speaker), as [`reckon::text::extract`] finds them, so that a file of
//! articles can be mined with SQL.

use std::sync::Arc;

use datafusion::arrow::array::{ArrayRef, ListArray, StructArray, UInt64Array};
use datafusion::arrow::buffer::{NullBuffer, OffsetBuffer};
use datafusion::arrow::datatypes::{DataType, Field, Fields};
use datafusion::common::{Result, plan_err};
use datafusion::logical_expr::{
    ColumnarValue, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};
use reckon::Lexicon;
use reckon::text::{Mention, extract};

use crate::columns::{as_text_type, decimal_type, decimals, strings, texts};

/// The fields of one figure found.
pub(crate) fn mention_fields() -> Fields {
    let text = |name: &str, nullable| Field::new(name, DataType::Utf8, nullable);
    let offset = |name: &str, nullable| Field::new(name, DataType::UInt64, nullable);
    Fields::from(vec![
        offset("start", false),
        offset("end", false),
        text("text", false),
        text("value", false),
        text("form", false),
        Field::new("low", decimal_type(), true),
        Field::new("high", decimal_type(), true),
        text("unit", false),
        text("noun", true),
        text("measure", true),
        text("speaker", true),
        text("speaker_kind", true),
        text("qualifier", true),
    ])
}

/// The list type `reckon_extract` returns.
fn list_field() -> Arc<Field> {
    Arc::new(Field::new(
        "item",
        DataType::Struct(mention_fields()),
        false,
    ))
}

#[derive(Debug, PartialEq, Eq, Hash)]
struct Extract {
    signature: Signature,
}

impl ScalarUDFImpl for Extract {
    fn name(&self) -> &str {
        "reckon_extract"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        match arg_types {
            [t] => Ok(vec![as_text_type(self.name(), 1, t)?]),
            _ => plan_err!(
                "reckon_extract takes one argument, the text, not {}",
                arg_types.len()
            ),
        }
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::List(list_field()))
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let [arg] = args.args.as_slice() else {
            return plan_err!("reckon_extract takes one argument, the text");
        };
        let column = arg.to_array(args.number_rows)?;
        let rows = strings(&column)?;
        let lexicon = Lexicon::shared();
        let found: Vec<Option<Vec<Mention<'_>>>> = rows
            .iter()
            .map(|t| t.map(|t| extract(t, lexicon)))
            .collect();
        let all = || found.iter().flatten().flatten();
        let offset = |f: &dyn Fn(&Mention<'_>) -> usize| -> ArrayRef {
            Arc::new(UInt64Array::from(
                all().map(|m| f(m) as u64).collect::<Vec<_>>(),
            ))
        };
        let columns: Vec<ArrayRef> = vec![
            offset(&|m| m.start()),
            offset(&|m| m.end()),
            texts(all().map(|m| Some(m.text()))),
            texts(all().map(|m| Some(m.value().to_string()))),
            texts(all().map(|m| Some(m.kind()))),
            decimals(all().map(Mention::low))?,
            decimals(all().map(Mention::high))?,
            texts(all().map(|m| Some(m.unit().as_str()))),
            texts(all().map(Mention::noun)),
            texts(all().map(|m| m.measure().map(|x| x.as_str()))),
            texts(all().map(|m| m.speaker().map(|s| s.name()))),
            texts(all().map(|m| m.speaker().map(|s| s.kind().as_str()))),
            texts(all().map(|m| m.qualifier().map(|q| q.as_str()))),
        ];
        let items = StructArray::try_new(mention_fields(), columns, None)?;
        let lengths = found.iter().map(|f| f.as_ref().map_or(0, Vec::len));
        let nulls = NullBuffer::from_iter(found.iter().map(Option::is_some));
        let list = ListArray::try_new(
            list_field(),
            OffsetBuffer::from_lengths(lengths),
            Arc::new(items),
            Some(nulls),
        )?;
        Ok(ColumnarValue::Array(Arc::new(list)))
    }
}

/// `reckon_extract`.
pub(crate) fn function() -> ScalarUDF {
    ScalarUDF::from(Extract {
        signature: Signature::user_defined(Volatility::Immutable),
    })
}
