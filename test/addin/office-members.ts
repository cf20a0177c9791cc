/**
 * Every Office.js member the add-in's code uses, found with the TypeScript
 * type checker: each property access, call and object-literal property of
 * src/addin whose symbol @types/office-js declares, with the requirement set
 * its doc comment gives (`[Api set: ExcelApi 1.9]`) and the named functions
 * that use it.
 */
import * as path from 'node:path';
import ts from 'typescript';
import { ROOT } from './support';

export interface MemberUse {
  /** `Excel.Worksheet.pageLayout`, `Office.onReady`. */
  member: string;
  /** The set its doc comment gives, `ExcelApi 1.9`; '' when it gives none (office.js' runtime: load, sync, items...). */
  set: string;
  /** `src/addin/excel/write-model.ts writePrint`, for every use. */
  places: string[];
}

/** `[Api set: ExcelApi 1.1 for reading visibility; 1.2 for setting it.]` -> `ExcelApi 1.2`: the newest set a member needs. */
export function apiSetOf(docs: string): string {
  const m = /\[Api set: ([^\]]+)\]/.exec(docs);
  if (!m) return '';
  const name = /^[A-Za-z]+/.exec(m[1])?.[0] ?? '';
  const versions = [...m[1].matchAll(/\b1\.(\d+)\b/g)].map((v) => Number(v[1]));
  return versions.length ? `${name} 1.${Math.max(...versions)}` : name;
}

/** The name of the function (declaration, method, or arrow or function expression assigned to a name) a node is in. */
function enclosingFunction(node: ts.Node): string {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name) return n.name.getText();
    if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && ts.isVariableDeclaration(n.parent)) return n.parent.name.getText();
  }
  return '(top level)';
}

export function officeMembersUsed(dir = 'src/addin'): MemberUse[] {
  const configFile = path.join(ROOT, 'tsconfig.addin.json');
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configFile, ts.sys.readFile).config, ts.sys, ROOT);
  const root = path.join(ROOT, dir) + path.sep;
  const program = ts.createProgram(
    config.fileNames.filter((f) => path.resolve(f).startsWith(root)),
    { ...config.options, noEmit: true },
  );
  const checker = program.getTypeChecker();
  const uses = new Map<string, MemberUse>();
  const record = (sym: ts.Symbol, at: ts.Node) => {
    const decls = sym.declarations ?? [];
    if (!decls.length || !decls.every((d) => d.getSourceFile().fileName.includes('/@types/office-js/'))) return;
    const docs = [ts.displayPartsToString(sym.getDocumentationComment(checker)), ...sym.getJsDocTags(checker).map((t) => ts.displayPartsToString(t.text))].join(
      '\n',
    );
    const member = checker.getFullyQualifiedName(sym);
    const use = uses.get(member) ?? { member, set: apiSetOf(docs), places: [] };
    uses.set(member, use);
    const place = `${path.relative(ROOT, at.getSourceFile().fileName)} ${enclosingFunction(at)}`;
    if (!use.places.includes(place)) use.places.push(place);
  };
  for (const sf of program.getSourceFiles()) {
    if (!path.resolve(sf.fileName).startsWith(root)) continue;
    const visit = (n: ts.Node) => {
      if (ts.isPropertyAccessExpression(n)) {
        const sym = checker.getSymbolAtLocation(n.name);
        if (sym) record(sym, n);
      } else if ((ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n)) && ts.isObjectLiteralExpression(n.parent)) {
        // An object literal given where Office.js expects one of its types: `{ list: {...} }` as a DataValidationRule.
        const type = checker.getContextualType(n.parent);
        const sym = type?.getProperty(n.name.getText());
        if (sym) record(sym, n);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return [...uses.values()].sort((a, b) => a.member.localeCompare(b.member));
}
