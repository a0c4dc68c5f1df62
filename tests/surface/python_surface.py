"""The public surface of a UniFFI-generated Python module, one line per item,
read with `ast` from the file users import (nothing is imported or run).

usage: python3 python_surface.py <module.py>

Lines:
  function <name>(<params>) -> <return> [raises <Error>] | <docstring first line>
  record <Name> | <doc>            field <Name>.<field>: <type> [= <default>]
  enum <Name> | <doc>              variant <Name>.<Variant>[(<fields>)]
  error <Name> | <doc>             variant <Name>.<Variant>(<fields>)
  class <Name> | <doc>             constructor <Name>[.<named>](<params>) ...  method <Name>.<m>(<params>) -> <ret> ...
  type <Name> = <builtin>
"""

import ast
import sys


def first_line(node):
    doc = ast.get_docstring(node)
    return doc.strip().splitlines()[0].strip() if doc else ""


def with_doc(line, node):
    doc = first_line(node)
    return f"{line} | {doc}" if doc else line


def params(fn, skip_self):
    args = fn.args
    positional = args.posonlyargs + args.args
    if skip_self and positional:
        positional = positional[1:]
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    out = []
    for arg, default in list(zip(positional, defaults)) + list(zip(args.kwonlyargs, args.kw_defaults)):
        text = arg.arg
        if arg.annotation is not None:
            text += f": {ast.unparse(arg.annotation)}"
        if default is not None:
            value = ast.unparse(default)
            text += " = <default>" if value == "_DEFAULT" else f" = {value}"
        out.append(text)
    return ", ".join(out)


def raises(fn):
    """UniFFI passes the error's converter to the call helper; None if it throws nothing."""
    for node in ast.walk(fn):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "_uniffi_error_converter" for t in node.targets
        ):
            if isinstance(node.value, ast.Name):
                return node.value.id.removeprefix("_UniffiFfiConverterType")
    return None


def signature(fn, skip_self):
    line = f"({params(fn, skip_self)})"
    if fn.returns is not None:
        line += f" -> {ast.unparse(fn.returns)}"
    error = raises(fn)
    return line + (f" raises {error}" if error else "")


FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def is_async(fn):
    return "async " if isinstance(fn, ast.AsyncFunctionDef) else ""


def public_methods(cls):
    return [n for n in cls.body if isinstance(n, FUNCTIONS) and not n.name.startswith("_")]


def init(cls):
    return next((n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"), None)


def base_names(cls):
    return {ast.unparse(b) for b in cls.bases}


def describe_class(cls, error_names, out):
    name = cls.name
    inner = [n for n in cls.body if isinstance(n, ast.ClassDef)]
    if name in error_names:
        out.append(with_doc(f"error {name}", cls))
        for v in inner:
            fn = init(v)
            out.append(with_doc(f"variant {name}.{v.name}({params(fn, True) if fn else ''})", v))
        return
    if "enum.Enum" in base_names(cls):
        out.append(with_doc(f"enum {name}", cls))
        for node in cls.body:
            if isinstance(node, ast.Assign):
                out.append(f"variant {name}.{ast.unparse(node.targets[0])}")
        return
    if inner:
        out.append(with_doc(f"enum {name}", cls))
        for v in inner:
            fn = init(v)
            out.append(with_doc(f"variant {name}.{v.name}({params(fn, True) if fn else ''})", v))
        return
    fn = init(cls)
    methods = public_methods(cls)
    if fn is not None and fn.args.kwonlyargs and not methods:
        out.append(with_doc(f"record {name}", cls))
        defaults = dict(zip([a.arg for a in fn.args.kwonlyargs], fn.args.kw_defaults))
        for arg in fn.args.kwonlyargs:
            line = f"field {name}.{arg.arg}: {ast.unparse(arg.annotation)}"
            if defaults[arg.arg] is not None:
                value = ast.unparse(defaults[arg.arg])
                line += " = <default>" if value == "_DEFAULT" else f" = {value}"
            out.append(line)
        return
    out.append(with_doc(f"class {name}", cls))
    if fn is not None:
        out.append(with_doc(f"constructor {name}{signature(fn, True)}", fn))
    for m in methods:
        is_classmethod = any(ast.unparse(d) == "classmethod" for d in m.decorator_list)
        kind = "constructor" if is_classmethod else "method"
        out.append(with_doc(f"{is_async(m)}{kind} {name}.{m.name}{signature(m, True)}", m))


def main(path):
    tree = ast.parse(open(path, encoding="utf-8").read())
    exported = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            exported = {ast.literal_eval(e) for e in node.value.elts}
    # Error enums are declared twice (an Exception, then a namespace of variants).
    error_names = {
        n.name for n in tree.body if isinstance(n, ast.ClassDef) and "Exception" in base_names(n)
    }
    classes = {}
    out = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name in exported:
            classes[node.name] = node  # the last definition wins, as at import
        elif isinstance(node, FUNCTIONS) and node.name in exported:
            out.append(with_doc(f"{is_async(node)}function {node.name}{signature(node, False)}", node))
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and not ast.unparse(node.value).startswith("_"):
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id in exported:
                out.append(f"type {target.id} = {ast.unparse(node.value)}")
    for name, cls in classes.items():
        if name == "InternalError" or name.endswith("Protocol"):
            continue
        describe_class(cls, error_names, out)
    print("\n".join(sorted(out)))


if __name__ == "__main__":
    main(sys.argv[1])
