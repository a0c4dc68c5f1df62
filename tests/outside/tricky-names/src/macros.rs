//! The proc-macro half of the API. Several items take or return types
//! declared in the UDL (`Map`, `Date`, `Error`, `Level`).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::SystemTime;

use crate::udl::{join_pairs, join_private_names, Date, Error, Map};

// --- private names a generator tends to use, as arguments ------------------

/// `join_private_names` declared by proc-macro.
#[uniffi::export]
#[allow(clippy::too_many_arguments)]
pub fn join_exported(
    handle: String,
    raw: String,
    rt: String,
    glue: String,
    value: String,
    signal: String,
    status: String,
    buf: String,
    name: String,
    r: String,
    w: String,
    e: String,
    this: String,
) -> String {
    join_private_names(
        handle, raw, rt, glue, value, signal, status, buf, name, r, w, e, this,
    )
}

/// Keeps its constructor's arguments, already joined.
#[derive(uniffi::Object)]
pub struct Joiner {
    kept: String,
}

#[uniffi::export]
impl Joiner {
    /// Keeps every argument.
    #[uniffi::constructor]
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        handle: String,
        raw: String,
        rt: String,
        glue: String,
        value: String,
        signal: String,
        status: String,
        buf: String,
        name: String,
        r: String,
        w: String,
        e: String,
        this: String,
    ) -> Arc<Self> {
        let kept = join_private_names(
            handle, raw, rt, glue, value, signal, status, buf, name, r, w, e, this,
        );
        Arc::new(Self { kept })
    }

    /// What the constructor kept, then every argument of this call, joined by `|`.
    #[allow(clippy::too_many_arguments)]
    pub fn join(
        &self,
        handle: String,
        raw: String,
        rt: String,
        glue: String,
        value: String,
        signal: String,
        status: String,
        buf: String,
        name: String,
        r: String,
        w: String,
        e: String,
        this: String,
    ) -> String {
        let call = join_private_names(
            handle, raw, rt, glue, value, signal, status, buf, name, r, w, e, this,
        );
        format!("{}|{call}", self.kept)
    }
}

// --- `Foo.bar_baz` beside `FooBar.baz`, `Foo.bar_new` beside `FooBar.new` ---

/// An object whose method names, prefixed with its own, read like `FooBar`'s.
#[derive(uniffi::Object)]
pub struct Foo {
    label: String,
}

#[uniffi::export]
impl Foo {
    /// A `Foo` called `label`.
    #[uniffi::constructor]
    pub fn new(label: String) -> Arc<Self> {
        Arc::new(Self { label })
    }

    /// A `Foo` called `bar:<label>` (a named constructor whose export reads like `FooBar::new`'s).
    #[uniffi::constructor]
    pub fn bar_new(label: String) -> Arc<Self> {
        Arc::new(Self {
            label: format!("bar:{label}"),
        })
    }

    /// `Foo.bar_baz(<label>)`.
    pub fn bar_baz(&self) -> String {
        format!("Foo.bar_baz({})", self.label)
    }
}

/// The object whose methods `Foo`'s read like.
#[derive(uniffi::Object)]
pub struct FooBar {
    label: String,
}

#[uniffi::export]
impl FooBar {
    /// A `FooBar` called `label`.
    #[uniffi::constructor]
    pub fn new(label: String) -> Arc<Self> {
        Arc::new(Self { label })
    }

    /// `FooBar.baz(<label>)`.
    pub fn baz(&self) -> String {
        format!("FooBar.baz({})", self.label)
    }
}

// --- records named like the codecs of Option/Vec/HashMap --------------------

/// A plain record, carried in options, sequences and maps below.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Item {
    pub id: u32,
    pub label: String,
}

/// Named like the codec of `Option<Item>`, and holding one.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct OptionalItem {
    pub item: Option<Item>,
    pub note: String,
}

/// Named like the codec of `Vec<Item>`, and holding one.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SequenceItem {
    pub items: Vec<Item>,
    pub note: String,
}

/// Named like the codec of `HashMap<String, Item>`, and holding one.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MapStringItem {
    pub items: HashMap<String, Item>,
    pub note: String,
}

/// `item`, or `Item { id: 0, label: "none" }`.
#[uniffi::export]
pub fn item_or_default(item: Option<Item>) -> Item {
    item.unwrap_or(Item {
        id: 0,
        label: "none".into(),
    })
}

/// The item with the largest id; none for an empty list.
#[uniffi::export]
pub fn max_item(items: Vec<Item>) -> Option<Item> {
    items.into_iter().max_by_key(|item| item.id)
}

/// `items` keyed by label.
#[uniffi::export]
pub fn index_items(items: Vec<Item>) -> HashMap<String, Item> {
    items
        .into_iter()
        .map(|item| (item.label.clone(), item))
        .collect()
}

/// The ids of `items` sorted by key, joined by `,`.
#[uniffi::export]
pub fn item_ids(items: HashMap<String, Item>) -> String {
    let mut keys: Vec<_> = items.keys().collect();
    keys.sort();
    keys.iter()
        .map(|k| items[*k].id.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// `item` wrapped, with `note` set to `optional`.
#[uniffi::export]
pub fn wrap_optional(item: Option<Item>) -> OptionalItem {
    OptionalItem {
        item,
        note: "optional".into(),
    }
}

/// `items` wrapped, with `note` set to `sequence`.
#[uniffi::export]
pub fn wrap_sequence(items: Vec<Item>) -> SequenceItem {
    SequenceItem {
        items,
        note: "sequence".into(),
    }
}

/// `items` wrapped, with `note` set to `map`.
#[uniffi::export]
pub fn wrap_map(items: HashMap<String, Item>) -> MapStringItem {
    MapStringItem {
        items,
        note: "map".into(),
    }
}

/// The three wrappers back to `note:count` each, joined by `,` (count of items).
#[uniffi::export]
pub fn unwrap_all(optional: OptionalItem, sequence: SequenceItem, map: MapStringItem) -> String {
    format!(
        "{}:{},{}:{},{}:{}",
        optional.note,
        usize::from(optional.item.is_some()),
        sequence.note,
        sequence.items.len(),
        map.note,
        map.items.len()
    )
}

/// Named like the codec of `Option<Foo>` (`Foo` the object above).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct OptionalFoo {
    pub note: String,
}

/// Named like the codec of `Vec<Foo>`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SequenceFoo {
    pub count: u32,
}

/// `foo.bar_baz()`, or `no foo`.
#[uniffi::export]
pub fn foo_or_none(foo: Option<Arc<Foo>>) -> String {
    foo.map_or_else(|| "no foo".into(), |foo| foo.bar_baz())
}

/// One `Foo` per label.
#[uniffi::export]
pub fn foos(labels: Vec<String>) -> Vec<Arc<Foo>> {
    labels.into_iter().map(Foo::new).collect()
}

/// `OptionalFoo { note }` and `SequenceFoo { count }` from the arguments.
#[uniffi::export]
pub fn foo_wrappers(note: String, count: u32) -> HashMap<String, String> {
    let optional = OptionalFoo { note };
    let sequence = SequenceFoo { count };
    HashMap::from([
        ("optional".to_string(), optional.note),
        ("sequence".to_string(), sequence.count.to_string()),
    ])
}

/// `OptionalFoo.note` and `SequenceFoo.count`, joined by `/`.
#[uniffi::export]
pub fn describe_foo_wrappers(optional: OptionalFoo, sequence: SequenceFoo) -> String {
    format!("{}/{}", optional.note, sequence.count)
}

// --- user types named like JS globals: Set, Promise, Object, Array ---------

/// Named like the JS global `Set`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Set {
    pub members: Vec<String>,
}

/// The members of both, sorted, without repeats.
#[uniffi::export]
pub fn set_union(a: Set, b: Set) -> Set {
    let mut members: Vec<String> = a.members.into_iter().chain(b.members).collect();
    members.sort();
    members.dedup();
    Set { members }
}

/// `set.members[index]`, or `Error.NotFound` (key: the index) past the end.
#[uniffi::export]
pub fn set_member(set: Set, index: u32) -> Result<String, Error> {
    set.members
        .get(index as usize)
        .cloned()
        .ok_or(Error::NotFound {
            key: index.to_string(),
        })
}

/// Named like the JS global `Promise` (an object, not a thenable).
#[derive(uniffi::Object)]
pub struct Promise {
    label: String,
}

#[uniffi::export]
impl Promise {
    /// A `Promise` called `label`.
    #[uniffi::constructor]
    pub fn new(label: String) -> Arc<Self> {
        Arc::new(Self { label })
    }

    /// Its label.
    pub fn label(&self) -> String {
        self.label.clone()
    }

    /// A new `Promise` called `<label>><next>`.
    pub fn chain(&self, next: String) -> Arc<Promise> {
        Arc::new(Self {
            label: format!("{}>{next}", self.label),
        })
    }
}

/// `promise`'s label, in brackets.
#[uniffi::export]
pub fn promise_label(promise: Arc<Promise>) -> String {
    format!("[{}]", promise.label)
}

/// A flat enum named like the JS global `Object`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Object {
    Plain,
    Frozen,
    Sealed,
}

/// A flat enum named like the JS global `Array`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Array {
    Empty,
    One,
    Many,
}

/// `Empty`, `One` or `Many` by the length of `items`.
#[uniffi::export]
pub fn classify(items: Vec<String>) -> Array {
    match items.len() {
        0 => Array::Empty,
        1 => Array::One,
        _ => Array::Many,
    }
}

/// Plain -> Frozen -> Sealed -> Plain.
#[uniffi::export]
pub fn next_object(object: Object) -> Object {
    match object {
        Object::Plain => Object::Frozen,
        Object::Frozen => Object::Sealed,
        Object::Sealed => Object::Plain,
    }
}

/// `objects` and `array` as `Debug` names, joined by `,`, then `;` and `array`.
#[uniffi::export]
pub fn describe_objects(objects: Vec<Object>, array: Array) -> String {
    let names: Vec<String> = objects.iter().map(|o| format!("{o:?}")).collect();
    format!("{};{array:?}", names.join(","))
}

/// The objects of `array` (its length in `Plain`s: 0, 1 or 3).
#[uniffi::export]
pub fn objects_of(array: Array) -> Vec<Object> {
    match array {
        Array::Empty => vec![],
        Array::One => vec![Object::Plain],
        Array::Many => vec![Object::Plain; 3],
    }
}

/// `map.label` and its size, as `<label>:<size>` (a UDL type in a proc-macro item).
#[uniffi::export]
pub fn map_summary(map: Map) -> String {
    format!("{}:{}", map.label, map.entries.len())
}

/// `date.at` (a UDL `Date` in a proc-macro item, returning a timestamp).
#[uniffi::export]
pub fn date_instant(date: Date) -> SystemTime {
    date.at
}

/// Dates keyed by name, in an optional (the JS `Map` and `Date` inside user types of those names).
#[uniffi::export]
pub fn dates_by_name(dates: Vec<Date>) -> Option<HashMap<String, Date>> {
    if dates.is_empty() {
        return None;
    }
    Some(
        dates
            .into_iter()
            .map(|d| (format!("{}-{:02}-{:02}", d.year, d.month, d.day), d))
            .collect(),
    )
}

// --- JS reserved words as field and argument names -------------------------

/// A record whose field names are JS reserved words (and `arguments`, `eval`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Reserved {
    pub class: String,
    pub function: String,
    pub delete: String,
    pub new: String,
    /// A field named `default` that has a default.
    #[uniffi(default = "the default")]
    pub default: String,
    pub var: String,
    pub void: String,
    pub switch: String,
    pub case: String,
    pub this: String,
    pub null: String,
    pub with: String,
    pub export: String,
    pub import: String,
    pub interface: String,
    pub package: String,
    pub private: String,
    pub public: String,
    pub r#static: String,
    pub instanceof: u32,
    pub debugger: bool,
    pub arguments: Vec<String>,
    pub eval: Option<String>,
}

impl Reserved {
    fn pairs(&self) -> String {
        let instanceof = self.instanceof.to_string();
        let debugger = self.debugger.to_string();
        let arguments = self.arguments.join("+");
        let eval = self.eval.clone().unwrap_or_else(|| "-".into());
        join_pairs(&[
            ("class", &self.class),
            ("function", &self.function),
            ("delete", &self.delete),
            ("new", &self.new),
            ("default", &self.default),
            ("var", &self.var),
            ("void", &self.void),
            ("switch", &self.switch),
            ("case", &self.case),
            ("this", &self.this),
            ("null", &self.null),
            ("with", &self.with),
            ("export", &self.export),
            ("import", &self.import),
            ("interface", &self.interface),
            ("package", &self.package),
            ("private", &self.private),
            ("public", &self.public),
            ("static", &self.r#static),
            ("instanceof", &instanceof),
            ("debugger", &debugger),
            ("arguments", &arguments),
            ("eval", &eval),
        ])
    }
}

/// Every field as `name=value`, joined by `,` (`arguments` joined by `+`, no `eval` is `-`).
#[uniffi::export]
pub fn describe_reserved(reserved: Reserved) -> String {
    reserved.pairs()
}

/// `reserved` with every string field suffixed by `!`, `instanceof` plus one,
/// `debugger` negated, `arguments` reversed and `eval` taken from `class`.
#[uniffi::export]
pub fn bump_reserved(reserved: Reserved) -> Reserved {
    let bang = |s: &String| format!("{s}!");
    Reserved {
        class: bang(&reserved.class),
        function: bang(&reserved.function),
        delete: bang(&reserved.delete),
        new: bang(&reserved.new),
        default: bang(&reserved.default),
        var: bang(&reserved.var),
        void: bang(&reserved.void),
        switch: bang(&reserved.switch),
        case: bang(&reserved.case),
        this: bang(&reserved.this),
        null: bang(&reserved.null),
        with: bang(&reserved.with),
        export: bang(&reserved.export),
        import: bang(&reserved.import),
        interface: bang(&reserved.interface),
        package: bang(&reserved.package),
        private: bang(&reserved.private),
        public: bang(&reserved.public),
        r#static: bang(&reserved.r#static),
        instanceof: reserved.instanceof.wrapping_add(1),
        debugger: !reserved.debugger,
        arguments: reserved.arguments.iter().rev().cloned().collect(),
        eval: Some(reserved.class.clone()),
    }
}

/// Every argument as `name=value`, joined by `,` (`debugger` and `instanceof` printed).
#[uniffi::export]
#[allow(clippy::too_many_arguments)]
pub fn join_reserved_args(
    class: String,
    function: String,
    delete: String,
    new: String,
    default: String,
    var: String,
    void: String,
    switch: String,
    case: String,
    this: String,
    null: String,
    with: String,
    export: String,
    import: String,
    interface: String,
    package: String,
    private: String,
    public: String,
    instanceof: u32,
    debugger: bool,
    arguments: Vec<String>,
    eval: Option<String>,
) -> String {
    Reserved {
        class,
        function,
        delete,
        new,
        default,
        var,
        void,
        switch,
        case,
        this,
        null,
        with,
        export,
        import,
        interface,
        package,
        private,
        public,
        r#static: "n/a".into(),
        instanceof,
        debugger,
        arguments,
        eval,
    }
    .pairs()
}

/// An object whose constructor and method take reserved words as arguments.
#[derive(uniffi::Object)]
pub struct Keywords {
    kept: String,
}

#[uniffi::export]
impl Keywords {
    /// Keeps `class` and `new` as `class=<class>,new=<new>`.
    #[uniffi::constructor]
    pub fn new(class: String, new: String) -> Arc<Self> {
        Arc::new(Self {
            kept: join_pairs(&[("class", &class), ("new", &new)]),
        })
    }

    /// What the constructor kept, then `delete`, `this` and `arguments`, joined by `|`.
    pub fn call(&self, delete: String, this: String, arguments: Vec<String>) -> String {
        format!(
            "{}|{}",
            self.kept,
            join_pairs(&[
                ("delete", &delete),
                ("this", &this),
                ("arguments", &arguments.join("+"))
            ])
        )
    }
}
