/**
 * The `plan-report` command. Exit codes: 0 done, 1 bad input (every problem
 * printed with its file and place), 2 bad usage.
 *
 * Each command's module (and what it needs: the schema, YAML, the writers)
 * is loaded only when that command runs, so `--help` and small commands start
 * quickly.
 */
import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../core/errors';
import type { Locale } from '../core/schema';
import { DEFAULT_TEMPLATE } from '../core/template/default';
import { helpInChinese } from './help-chinese';
import { EXIT, stdio, visibleIo, type Io } from './io';
import { VERSION } from './version';
import { usageZh } from './usage-zh';
import { problemLine, say, voiceOf, voiceOfArgv } from './voice';

/** The schema's LOCALES, without loading the schema (checked against it at compile time). */
const LOCALES = ['en', 'zh-CN'] as const satisfies readonly Locale[];
type MissingLocale = Exclude<Locale, (typeof LOCALES)[number]>;
const everyLocale: [MissingLocale] extends [never] ? true : MissingLocale = true;
void everyLocale;

/** Sets the exit code of the command that ran. */
type SetExit = (code: number) => void;

/** The command line's parser, each command's help in Chinese when `zh`. */
export function program(io: Io, setExit: SetExit, zh = false): Command {
  const p = new Command('plan-report')
    .description('Quarterly progress reports for biomedical industry plans: measures, catalogs and indicators, as Excel workbooks with live formulas.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(zh ? usageZh(s.trimEnd()) : s.trimEnd()) })
    .exitOverride();
  for (const add of [addValidate, addGenerate, addExtract, addForm, addCollect, addImport, addTemplate]) add(p, io, setExit);
  if (zh) helpInChinese(p);
  return p;
}

/** `--locale` of a command whose only words are its messages. */
function localeOfMessages(): Option {
  return new Option('-l, --locale <locale>', "messages' language (default: zh-CN when LC_ALL or LANG is zh_CN, else en)").choices([...LOCALES]);
}

/** `--verbose`: each problem with its data path. */
const VERBOSE = ['--verbose', "add each problem's data path (plans[0].measures[1].status)"] as const;

/** `plan-report validate`. */
function addValidate(p: Command, io: Io, setExit: SetExit): void {
  p.command('validate')
    .description('Check data files and print a short summary of each, or every problem found.')
    .argument('<data...>', 'data files (.yaml, .yml or .json)')
    .addOption(localeOfMessages())
    .option(...VERBOSE)
    .addHelpText('after', '\nExamples:\n  plan-report validate seeds/beijing-2022-q3.yaml\n  plan-report validate data/*.yaml --locale zh-CN')
    .action(async (files: string[], opts: { locale?: Locale; verbose?: boolean }) => {
      const { validateCommand } = await import('./commands/validate');
      setExit(await validateCommand(files, io, voiceOf(opts)));
    });
}

/** `plan-report generate`. */
function addGenerate(p: Command, io: Io, setExit: SetExit): void {
  p.command('generate')
    .description('Write the report workbook of each data file.')
    .argument('<data...>', 'data files (.yaml, .yml or .json)')
    .option('-t, --template <name|path>', 'a built-in template name, or a template file (.yaml, .json) or workbook (.xlsx)', DEFAULT_TEMPLATE)
    .addOption(
      new Option(
        '-l, --locale <locale>',
        "labels' and messages' language (default: labels in the data file's report.locale, else en; messages in zh-CN when LC_ALL or LANG is zh_CN)",
      ).choices([...LOCALES]),
    )
    .option(...VERBOSE)
    .option('-o, --out <file>', 'the workbook to write (one data file only); default: out/<region>-<period>.xlsx')
    .option('--out-dir <dir>', 'the folder for workbooks named after region and period', 'out')
    .option('--no-charts', 'leave out the native charts (Summary and indicator dashboard)')
    .option(
      '--since <previous.xlsx>',
      'the previous report workbook: adds what changed (Changes sheet), the previous figures on the Summary and the trend (one data file only)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  plan-report generate seeds/beijing-2022-q3.yaml\n' +
        '  plan-report generate data.yaml --locale zh-CN --out report.xlsx\n' +
        '  plan-report generate data.yaml --template measures-only\n' +
        '  plan-report generate data.yaml --template my-template.yaml\n' +
        '  plan-report generate seeds/*.yaml --out-dir reports\n' +
        '  plan-report generate data.yaml --no-charts\n' +
        '  plan-report generate data/2024-Q4.yaml --since out/Beijing-2024-Q3.xlsx\n' +
        '  LANG=zh_CN.UTF-8 plan-report generate data.yaml             # messages in Chinese, labels as the data says',
    )
    .action(async (files: string[], opts) => {
      const voice = voiceOf(opts);
      if (opts.out && files.length > 1)
        throw new CommanderError(
          EXIT.usage,
          'usage',
          say(
            voice,
            'error: --out names one workbook, but several data files were given; use --out-dir',
            '错误：--out 只指定一个工作簿，但给出了多个数据文件；请改用 --out-dir',
          ),
        );
      if (opts.since && files.length > 1)
        throw new CommanderError(
          EXIT.usage,
          'usage',
          say(
            voice,
            'error: --since names the previous report of one data file, but several data files were given',
            '错误：--since 指定的是一个数据文件的上期报告，但给出了多个数据文件',
          ),
        );
      const { generateCommand } = await import('./commands/generate');
      setExit(await generateCommand(files, opts, io, voice));
    });
}

/** `plan-report extract`. */
function addExtract(p: Command, io: Io, setExit: SetExit): void {
  p.command('extract')
    .description('Read a report workbook made by generate, with the rows an official added or changed in Excel, back into a data file.')
    .argument('<workbook>', 'a report workbook (.xlsx)')
    .option('-o, --out <file>', 'the data file to write (.yaml or .json); default: beside the workbook, with .yaml')
    .option('-f, --force', 'replace a data file already at the default place beside the workbook')
    .addOption(localeOfMessages())
    .option(...VERBOSE)
    .addHelpText(
      'after',
      '\nExamples:\n  plan-report extract out/Beijing-2022-Q3.xlsx\n  plan-report extract returned.xlsx --out data/2022-Q3.yaml --locale zh-CN',
    )
    .action(async (workbook: string, opts) => {
      const { extractCommand } = await import('./commands/extract');
      setExit(await extractCommand(workbook, opts, io, voiceOf(opts)));
    });
}

/** `plan-report form`. */
function addForm(p: Command, io: Io, setExit: SetExit): void {
  p.command('form')
    .description('Write a fillable form for a department: the status of its measures, the figures of its indicators, or the entries of a catalog.')
    .argument('<data>', 'the data file (.yaml, .yml or .json)')
    .addOption(new Option('-k, --kind <kind>', 'what the form asks about').choices(['measures', 'indicators', 'catalog']).default('measures'))
    .option('-p, --plan <id>', 'measures: the measures of this plan')
    .option('--lead <department>', 'measures: the measures this lead department leads (across plans, unless --plan)')
    .option('--region <region>', 'indicators: the indicators of this district or region')
    .option('--catalog <id>', 'catalog: the catalog')
    .option('--period <period>', "the reporting period the form asks about (default: the data file's)")
    .addOption(
      new Option(
        '-l, --locale <locale>',
        "the form's language and the messages' (default: the form in the data file's report.locale, else en; the messages zh-CN when LC_ALL or LANG is zh_CN)",
      ).choices([...LOCALES]),
    )
    .option(...VERBOSE)
    .option('--due <date>', 'print the date the form is to be sent back by (YYYY-MM-DD) on the form and its Instructions')
    .option('--contact <text>', 'print whom to ask (name, telephone, email) on the form and its Instructions')
    .option('--password <password>', 'protect the sheets with this password (default: protected without one)')
    .option('-o, --out <file>', 'the form to write (default: out/<period>-<department or plan>.xlsx)')
    .option('--all', 'one form per lead department (measures), region (indicators) or catalog, into --out-dir')
    .option('--out-dir <dir>', 'with --all: the folder (default: out/forms-<period>)')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  plan-report form data.yaml --plan BJ-OPEN-2022 --out forms/BJ.xlsx\n' +
        '  plan-report form data.yaml --lead "Haidian District Government"\n' +
        '  plan-report form data.yaml --all --out-dir forms/2022-Q3     # one per lead department\n' +
        '  plan-report form data.yaml --all --due 2022-10-15 --contact "Zhang Wei, 010-6512 3456"\n' +
        '  plan-report form data.yaml --kind indicators --all --locale zh-CN\n' +
        '  plan-report form data.yaml --kind catalog --catalog SZ-IFH-1',
    )
    .action(async (file: string, opts) => {
      const zh = voiceOf(opts).locale === 'zh-CN';
      if (opts.all && opts.out)
        throw new CommanderError(
          EXIT.usage,
          'usage',
          zh
            ? '错误：--all 将多份表单写入一个文件夹；请用 --out-dir 而不是 --out'
            : 'error: --all writes several forms into a folder; use --out-dir instead of --out',
        );
      if (!opts.all && opts.outDir)
        throw new CommanderError(
          EXIT.usage,
          'usage',
          zh ? '错误：--out-dir 仅用于 --all；单份表单请用 --out 命名' : 'error: --out-dir is for --all; name one form with --out',
        );
      const { formCommand } = await import('./commands/form');
      setExit(await formCommand(file, opts, io, voiceOf(opts)));
    });
}

/** `plan-report collect`. */
function addCollect(p: Command, io: Io, setExit: SetExit): void {
  p.command('collect')
    .description('Fold returned forms into the data file: refuses bad returns (saying where), lists conflicts, prints a table of changes.')
    .argument('<data>', 'the data file to update (.yaml, .yml or .json)')
    .argument('<returns...>', 'the returned forms (.xlsx)')
    .option('-o, --out <file>', 'write the updated data here instead of over the data file')
    .option('-n, --dry-run', 'show what would change; write nothing')
    .addOption(localeOfMessages())
    .option(...VERBOSE)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  plan-report collect data.yaml returns/*.xlsx --dry-run\n' +
        '  plan-report collect data.yaml returns/*.xlsx --dry-run --locale zh-CN\n' +
        '  plan-report collect data.yaml returns/*.xlsx\n' +
        '  plan-report collect data.yaml returns/*.xlsx --out data-updated.yaml\n' +
        '\nExit code 1 when any return was refused or any field had conflicting values; the rest is still applied.',
    )
    .action(async (file: string, returns: string[], opts) => {
      const { collectCommand } = await import('./commands/collect');
      setExit(await collectCommand(file, returns, opts, io, process.stderr, voiceOf(opts)));
    });
}

/** `plan-report import`. */
function addImport(p: Command, io: Io, setExit: SetExit): void {
  p.command('import')
    .description('Turn an existing ledger (台账: .xlsx, or .csv in UTF-8 or GBK), in its own columns and words, into a data file.')
    .argument('<ledger>', 'the ledger (.xlsx or .csv)')
    .option('-s, --sheet <name>', 'the sheet to read (default: every sheet that looks like a ledger, one plan each)')
    .addOption(new Option('-k, --kind <kind>', 'what the ledger lists (default: told by its column titles)').choices(['measures', 'catalog', 'indicators']))
    .option('-m, --map <list>', 'columns named by hand: "TITLE=field,..." (a column title or letter; field - leaves the column out)')
    .option('-p, --plan <id>', "the plan's id (with --kind catalog: the catalog's); several sheets: <id>-1, <id>-2...")
    .option('--region <region>', "the report's region (default: from the ledger's title row)")
    .option('--period <period>', 'the reporting period, 2022-Q3 or 2022年第三季度 (default: from the title row)')
    .option('--title <title>', "the report's title (default: the ledger's title row)")
    .option('-o, --out <file>', 'the data file to write (.yaml or .json); default: beside the ledger, with .yaml')
    .option('-f, --force', 'overwrite the output file when it exists')
    .option('-n, --dry-run', 'show how each column is read and every problem; write nothing')
    .addOption(localeOfMessages())
    .option(...VERBOSE)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  plan-report import 台账.xlsx --dry-run                     # how each column is read\n' +
        '  plan-report import 台账.xlsx --region 海淀区 --period 2022年第三季度\n' +
        '  plan-report import 台账.csv --map "工作举措=title,责任处室=lead,配合处室=note"\n' +
        '  plan-report import 目录.xlsx --kind catalog --plan SZ-IFH-1 --out data/catalog.yaml\n' +
        '  plan-report import ledger.xlsx --sheet Measures --plan HD-2022 --region Haidian --period 2022-Q3\n' +
        '  plan-report import ledger.csv --map "Action=title,Owner=lead,Target date=due" --locale zh-CN\n' +
        '\nColumn titles, status words and date spellings recognized: docs/import.md.',
    )
    .action(async (ledger: string, opts) => {
      const { importCommand } = await import('./commands/import');
      setExit(await importCommand(ledger, opts, io));
    });
}

/** `plan-report template`. */
function addTemplate(p: Command, io: Io, setExit: SetExit): void {
  p.command('template')
    .description('List the built-in templates, or write an empty report workbook that carries a template (to share by email).')
    .argument('[name]', 'a built-in template name, or a template file (.yaml, .json)')
    .option('-o, --out <file>', 'the workbook to write (.xlsx)')
    .option('-f, --from <workbook>', 'write the template that a report or template workbook (.xlsx) carries')
    .addOption(
      new Option('-l, --locale <locale>', "labels' and messages' language (default: labels en; messages zh-CN when LC_ALL or LANG is zh_CN)").choices([
        ...LOCALES,
      ]),
    )
    .option(...VERBOSE)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  plan-report template                                  # list the built-in templates\n' +
        '  plan-report template quarterly --out quarterly.xlsx   # a workbook carrying the template\n' +
        '  plan-report template --from report.xlsx --out t.xlsx  # the template a report carries\n' +
        '  plan-report generate data.yaml --template quarterly.xlsx',
    )
    .action(async (name: string | undefined, opts) => {
      const { templateCommand } = await import('./commands/template');
      setExit(await templateCommand(name, opts, io, voiceOf(opts)));
    });
}

/** Runs the command line; returns the exit code (never throws, never prints a stack trace for bad input). */
export async function run(argv: string[], terminal: Io = stdio): Promise<number> {
  // Text from a file (a note, a sheet name) is printed with its control and bidi characters made visible.
  const io = visibleIo(terminal);
  let code: number = EXIT.ok;
  // The parser's usage errors and the help are said in the user's language too.
  const zh = voiceOfArgv(argv).locale === 'zh-CN';
  const p = program(io, (c) => (code = c), zh);
  try {
    if (argv.length === 0) {
      p.outputHelp();
      return EXIT.usage;
    }
    await p.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      if (err.code === 'usage') io.err(err.message);
      return EXIT.usage;
    }
    if (err instanceof InputError) {
      const voice = voiceOfArgv(argv);
      for (const p of err.problems) io.err(problemLine(p, voice));
      return EXIT.input;
    }
    const voice = voiceOfArgv(argv);
    io.err(say(voice, 'plan-report: internal error: ', 'plan-report：内部错误：') + (err as Error).message);
    if (process.env.PLAN_REPORT_DEBUG) io.err(String((err as Error).stack));
    else io.err(say(voice, '(set PLAN_REPORT_DEBUG=1 to see where; please report it)', '（设置 PLAN_REPORT_DEBUG=1 可查看出错位置；请报告此问题）'));
    return EXIT.internal;
  }
}

/**
 * Loads every command's module without running one: the bundle's code cache
 * is made after it (scripts/bundle-cli.js), so that each command's code is
 * kept compiled.
 */
export async function loadCommands(): Promise<void> {
  await Promise.all([
    import('./commands/validate'),
    import('./commands/generate'),
    import('./commands/extract'),
    import('./commands/form'),
    import('./commands/collect'),
    import('./commands/import'),
    import('./commands/template'),
  ]);
}

/** A worker thread of `form --all` (forms-workers.ts starts it from the bundle): serves the forms it is sent. */
export async function formsWorker(): Promise<void> {
  const { serveForms } = await import('./forms-worker');
  serveForms();
}

/** A worker thread of a reading of a large workbook (sheet-worker.ts starts it from the bundle): inflates, counts and reads its sheets. */
export async function sheetWorker(): Promise<void> {
  const { serveSheets } = await import('./xlsx/read/sheet-worker-serve');
  serveSheets();
}

export function main(): void {
  // Output piped into a reader that stops early (`| head`) ends the command quietly, as other tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
