//! The TypeScript side of the crossing plan: one lowering helper per
//! flattened record, and the values each call hands the glue.

use uniffi_bindgen::interface::ComponentInterface;

use super::code_type::{default_literal, native};
use super::formatter::{Formatter, RT};
use crate::crossing::{FieldShape, FlatRecord, Lowering, ParamKind, Scalar};
use crate::model::Arg;

/// The value a scalar parameter carries: checked, `undefined` for an absent
/// `Option`, and `zero` when the enclosing optional record is `absent`.
fn scalar_value(
    f: &Formatter,
    s: &Scalar,
    value: &str,
    name: &str,
    field: &str,
    absent: Option<&str>,
) -> String {
    let n = native(f, &s.native);
    let checked = n.check(value, name, field);
    match (s.optional, absent) {
        (false, None) => checked,
        (false, Some(a)) => format!("{a} ? {} : {checked}", n.zero),
        (true, None) => format!("{value} == null ? undefined : {checked}"),
        (true, Some(a)) => format!("{a} || {value} == null ? undefined : {checked}"),
    }
}

/// The TypeScript type of a glue parameter.
fn param_type(f: &Formatter, kind: &ParamKind) -> String {
    match kind {
        ParamKind::Present => "boolean".into(),
        ParamKind::Encoded => f.builtins.uint8array.clone(),
        ParamKind::Scalar(s) => {
            let t = native(f, &s.native).param_type;
            if s.optional {
                format!("{t} | undefined")
            } else {
                t
            }
        }
    }
}

/// `function $lower$R($v: R, $name: string): [..]`: checks and defaults a
/// record argument and returns its glue parameters, in plan order.
pub fn helper(ci: &ComponentInterface, f: &Formatter, record: &FlatRecord) -> String {
    let mut body = Printer {
        ci,
        f,
        lines: Vec::new(),
        values: Vec::new(),
        locals: 0,
    };
    body.lines.push(format!("{RT}.checkObject($v, $name);"));
    body.fields(record, "$v", "", None);
    let mut out = format!(
        "function {}($v: {}, $name: string): {} {{\n",
        f.lower(&record.name),
        record.name,
        tuple_type(f, record)
    );
    for line in &body.lines {
        out += &format!("  {line}\n");
    }
    out += "  return [\n";
    for value in &body.values {
        out += &format!("    {value},\n");
    }
    out + "  ];\n}\n"
}

/// The TypeScript tuple of a record's glue parameters.
fn tuple_type(f: &Formatter, record: &FlatRecord) -> String {
    let types: Vec<String> = record
        .params()
        .iter()
        .map(|p| param_type(f, &p.kind))
        .collect();
    format!("[{}]", types.join(", "))
}

/// What the glue receives when an optional record argument is absent.
pub fn absent_tuple(f: &Formatter, record: &FlatRecord) -> String {
    let zeros: Vec<String> = record
        .params()
        .iter()
        .map(|p| match &p.kind {
            ParamKind::Present => "false".to_string(),
            ParamKind::Encoded => format!("{RT}.EMPTY_BYTES"),
            ParamKind::Scalar(s) if s.optional => "undefined".into(),
            ParamKind::Scalar(s) => native(f, &s.native).zero.to_string(),
        })
        .collect();
    format!(
        "const {}: {} = [{}];\n",
        f.absent(&record.name),
        tuple_type(f, record),
        zeros.join(", ")
    )
}

/// `= None`: the field's absence already means it.
fn is_none_literal(d: &uniffi_bindgen::interface::DefaultValue) -> bool {
    use uniffi_bindgen::interface::{DefaultValue, Literal};
    matches!(d, DefaultValue::Literal(Literal::None))
}

struct Printer<'a> {
    ci: &'a ComponentInterface,
    f: &'a Formatter,
    lines: Vec<String>,
    values: Vec<String>,
    locals: usize,
}

impl Printer<'_> {
    fn local(&mut self) -> String {
        self.locals += 1;
        format!("$f{}", self.locals)
    }

    /// The fields of `record`, read from `base`; `path` is the field path for
    /// errors; `absent` the condition under which `base` is missing.
    fn fields(&mut self, record: &FlatRecord, base: &str, path: &str, absent: Option<&str>) {
        let dot = if absent.is_some() { "?." } else { "." };
        for field in &record.fields {
            let prop = self.f.property(&field.name);
            let field_path = format!("{path}.{prop}");
            let local = self.local();
            let access = format!("{base}{dot}{prop}");
            match field.default.as_ref().filter(|d| !is_none_literal(d)) {
                Some(d) => {
                    let lit = default_literal(self.ci, self.f, &field.ty, d);
                    self.lines.push(format!("let {local} = {access};"));
                    self.lines
                        .push(format!("if ({local} === undefined) {local} = {lit};"));
                }
                None => self.lines.push(format!("const {local} = {access};")),
            }
            match &field.shape {
                FieldShape::Scalar(s) => {
                    let v = scalar_value(self.f, s, &local, "$name", &field_path, absent);
                    self.values.push(v);
                }
                FieldShape::Encoded => {
                    let encode = format!(
                        "{RT}.encode({}, {local}, $name, {field_path:?})",
                        self.f.write(&field.ty)
                    );
                    self.values.push(match absent {
                        Some(a) => format!("{a} ? {RT}.EMPTY_BYTES : {encode}"),
                        None => encode,
                    });
                }
                FieldShape::Record { record, optional } => {
                    let checked = local.clone() + "r";
                    let check = if *optional {
                        "optObject"
                    } else {
                        "checkObject"
                    };
                    let call = format!("{RT}.{check}({local}, $name, {field_path:?})");
                    self.lines.push(match absent {
                        Some(a) => format!("const {checked} = {a} ? undefined : {call};"),
                        None => format!("const {checked} = {call};"),
                    });
                    if *optional {
                        self.values.push(format!("{checked} !== undefined"));
                        let inner_absent = format!("{checked} === undefined");
                        self.fields(record, &checked, &field_path, Some(&inner_absent));
                    } else {
                        self.fields(record, &checked, &field_path, absent);
                    }
                }
            }
        }
    }
}

/// Statements to run before the call (record helpers), and the glue call's
/// argument values, for a callable's arguments in order.
pub fn call_args(f: &Formatter, args: &[Arg]) -> (Vec<String>, Vec<String>) {
    let mut prelude = Vec::new();
    let mut values = Vec::new();
    for (i, arg) in args.iter().enumerate() {
        let ts = f.public(&arg.name);
        let name = format!("{:?}", ts);
        match &arg.lowering {
            Lowering::Direct(t) => {
                let s = Scalar {
                    native: crate::crossing::Native::Number(t.clone()),
                    optional: false,
                };
                values.push(scalar_value(f, &s, &ts, &name, "", None));
            }
            Lowering::String => values.push(format!("{RT}.checkString({ts}, {name})")),
            Lowering::Object(class) => {
                values.push(format!("{RT}.checkHandle({ts}, {class}, {name})"))
            }
            Lowering::Foreign(t) => values.push(format!("{}({ts}, {name})", f.handle_of(t))),
            Lowering::Scalar(s) => values.push(scalar_value(f, s, &ts, &name, "", None)),
            Lowering::Encoded => {
                values.push(format!("{RT}.encode({}, {ts}, {name})", f.write(&arg.ty)))
            }
            Lowering::Record { record, optional } => {
                let local = f.arg_local(i);
                let lower = format!("{}({ts}, {name})", f.lower(&record.name));
                if *optional {
                    prelude.push(format!(
                        "const {local} = {ts} == null ? {} : {lower};",
                        f.absent(&record.name)
                    ));
                    values.push(format!("{ts} != null"));
                } else {
                    prelude.push(format!("const {local} = {lower};"));
                }
                values.extend((0..record.params().len()).map(|j| format!("{local}[{j}]")));
            }
        }
    }
    (prelude, values)
}
