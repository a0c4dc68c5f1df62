// The public surface of a generated TypeScript package, one line per item,
// read from the .d.ts that the TypeScript compiler emits for its sources
// (the declarations users' editors see), not from the generator's model.
//
// usage: node ts_surface.mjs <package src dir>     (resolves TypeScript from tests/js)
//
// Lines:
//   function <name>(<params>): <return> [throws <Error>] | <doc first line>
//   interface <Name> | <doc>      field <Name>.<field>[?]: <type>      method <Name>.<m>(...)
//   type <Name> = <type>
//   class <Name> [extends <Base>] | <doc>
//   constructor <Class>(<params>) [throws ...]   static <Class>.<m>(...)   method <Class>.<m>(...)
//   property <Class>.<name>: <type>
//   reexport <Name>
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(new URL("../js/package.json", import.meta.url));
const ts = require("typescript-api");

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node ts_surface.mjs <package src dir>");
  process.exit(2);
}

const squash = (text) => text.replace(/\s+/g, " ").trim();
const lines = [];

function declarationOf(file) {
  const source = readFileSync(join(dir, file), "utf8");
  const out = ts.transpileDeclaration(source, {
    fileName: file,
    compilerOptions: { target: ts.ScriptTarget.ES2022, stripInternal: true },
    reportDiagnostics: false,
  });
  return ts.createSourceFile(file.replace(/\.ts$/, ".d.ts"), out.outputText, ts.ScriptTarget.ES2022, true);
}

function doc(node) {
  const comments = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const text = comments.map((c) => (typeof c.comment === "string" ? c.comment : "")).join("\n").trim();
  const first = text.split("\n")[0]?.trim();
  return first ? ` | ${first}` : "";
}

function throwsOf(node) {
  const tags = ts.getJSDocTags(node).filter((t) => t.tagName.text === "throws");
  const names = tags.map((t) => squash(t.typeExpression ? t.typeExpression.type.getText() : String(t.comment ?? "")));
  return names.length ? ` throws ${names.join(", ")}` : "";
}

function signature(node, sf) {
  const params = node.parameters.map((p) => squash(p.getText(sf))).join(", ");
  const ret = node.type ? `: ${squash(node.type.getText(sf))}` : "";
  return `(${params})${ret}`;
}

function isPublic(member) {
  const mods = ts.getCombinedModifierFlags(member);
  const name = member.name?.getText();
  return !(mods & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) && !name?.startsWith("_");
}

function describeClass(node, sf, prefix) {
  const name = `${prefix}${node.name.text}`;
  const heritage = node.heritageClauses?.map((h) => squash(h.getText(sf))).join(" ") ?? "";
  lines.push(`class ${name}${heritage ? ` ${heritage}` : ""}${doc(node)}`);
  for (const m of node.members) {
    if (!isPublic(m)) continue;
    if (ts.isConstructorDeclaration(m)) {
      lines.push(`constructor ${name}${signature(m, sf)}${throwsOf(m)}${doc(m)}`);
    } else if (ts.isMethodDeclaration(m)) {
      const isStatic = ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Static;
      lines.push(`${isStatic ? "static" : "method"} ${name}.${squash(m.name.getText(sf))}${signature(m, sf)}${throwsOf(m)}${doc(m)}`);
    } else if (ts.isPropertyDeclaration(m)) {
      lines.push(`property ${name}.${m.name.getText(sf)}: ${squash(m.type?.getText(sf) ?? "unknown")}`);
    }
  }
}

function walk(statements, sf, prefix) {
  for (const node of statements) {
    if (ts.isFunctionDeclaration(node) && node.name) {
      lines.push(`function ${prefix}${node.name.text}${signature(node, sf)}${throwsOf(node)}${doc(node)}`);
    } else if (ts.isInterfaceDeclaration(node)) {
      lines.push(`interface ${prefix}${node.name.text}${doc(node)}`);
      for (const m of node.members) {
        if (ts.isPropertySignature(m)) {
          lines.push(`field ${node.name.text}.${m.name.getText(sf)}${m.questionToken ? "?" : ""}: ${squash(m.type.getText(sf))}`);
        } else if (ts.isMethodSignature(m)) {
          lines.push(`method ${node.name.text}.${m.name.getText(sf)}${signature(m, sf)}${throwsOf(m)}${doc(m)}`);
        }
      }
    } else if (ts.isTypeAliasDeclaration(node)) {
      lines.push(`type ${prefix}${node.name.text} = ${squash(node.type.getText(sf))}`);
    } else if (ts.isClassDeclaration(node) && node.name) {
      describeClass(node, sf, prefix);
    } else if (ts.isModuleDeclaration(node) && node.body && ts.isModuleBlock(node.body)) {
      walk(node.body.statements, sf, `${prefix}${node.name.text}.`);
    } else if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)) {
      for (const e of node.exportClause.elements) lines.push(`reexport ${e.name.text}`);
    }
  }
}

for (const file of ["api.ts", "browser.ts"]) {
  const sf = declarationOf(file);
  walk(sf.statements, sf, "");
}
console.log([...new Set(lines)].sort().join("\n"));
