//! uniffi-tricky-names (library `tricky`): a UniFFI API made of names that
//! collide with what a bindings generator uses itself: private locals such as
//! `handle` or `glue` as arguments, records named like codecs (`OptionalItem`
//! beside `Option<Item>`), methods whose mangled names meet (`Foo.bar_baz`,
//! `FooBar.baz`), user types named like JS globals (`Map`, `Set`, `Date`,
//! `Error`, `Promise`, `Object`, `Array`), JS reserved words as fields and
//! arguments, and enum defaults written in another case.
//!
//! Half of it is declared in `src/tricky.udl` ([`udl`]), half by proc-macros
//! ([`macros`]). It is not a member of the repository's workspace: it is
//! built the way a stranger's crate is.

mod macros;
mod udl;

pub use macros::*;
pub use udl::*;

uniffi::include_scaffolding!("tricky");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_names_arrive_in_order() {
        let args: Vec<String> = (1..=13).map(|i| format!("v{i}")).collect();
        let [a, b, c, d, e, f, g, h, i, j, k, l, m]: [String; 13] = args.try_into().unwrap();
        assert_eq!(
            join_private_names(a, b, c, d, e, f, g, h, i, j, k, l, m),
            "handle=v1,raw=v2,rt=v3,glue=v4,value=v5,signal=v6,status=v7,buf=v8,name=v9,r=v10,w=v11,e=v12,this=v13"
        );
    }

    #[test]
    fn leveled_defaults_match_the_udl() {
        assert_eq!(
            describe_leveled(leveled_defaults()),
            "level=Deux,other=Trois,plain=Un"
        );
    }

    #[test]
    fn foo_and_foo_bar_answer_differently() {
        assert_eq!(Foo::new("x".into()).bar_baz(), "Foo.bar_baz(x)");
        assert_eq!(Foo::bar_new("x".into()).bar_baz(), "Foo.bar_baz(bar:x)");
        assert_eq!(FooBar::new("x".into()).baz(), "FooBar.baz(x)");
    }
}
