// The part of every generated package that is the same for any UniFFI crate:
// loading, errors, argument checks and UniFFI's buffer format.
// Emitted by joyous-bindgen; do not edit.

// The `using` protocol that objects implement, declared here so the typings
// compile under any `lib` (ES2022's has no Symbol.dispose); identical to
// lib.esnext.disposable's, with which it merges where that is loaded.
declare global {
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }
  interface Disposable {
    [Symbol.dispose](): void;
  }
}

/**
 * What the wasm-bindgen glue (`--target bundler`'s `_bg.js`: glue functions
 * only, no loading code) of a joyous-bindgen crate exports besides the API.
 */
export interface GlueModule {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  uniffi_fingerprint(): string;
  uniffi_take_panic_message(): string | undefined;
  /** Only in crates with async callables or foreign traits. */
  uniffi_set_host?(host: object): void;
  uniffi_callback_error?(code: number, bytes: Uint8Array): void;
}

/** The .wasm could not be loaded; `step` says where and `cause` why. */
export class LoadError extends Error {
  readonly step: "read" | "compile" | "instantiate" | "checksum" | "init";
  constructor(step: LoadError["step"], message: string, cause?: unknown) {
    super(`${step}: ${message}${cause === undefined ? "" : `: ${describe(cause)}`}`, { cause });
    this.name = "LoadError";
    this.step = step;
  }
}

/** A call was made before `init()` (browser and default entries only). */
export class NotInitializedError extends Error {
  constructor() {
    super("the wasm module is not loaded yet: call `await init()` (or `initSync(module)`) before the first call");
    this.name = "NotInitializedError";
  }
}

/**
 * Rust panicked. The module has been re-instantiated, so later calls work;
 * objects created before the panic are gone (they throw `DisposedError`).
 */
export class PanicError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = "PanicError";
  }
}

/** A method was called on an object that was disposed (or lost in a panic). */
export class DisposedError extends Error {
  constructor(className: string, why: string) {
    super(`this ${className} ${why}`);
    this.name = "DisposedError";
  }
}

/** UniFFI rejected a value at the boundary (a bug in the bindings or the crate). */
export class InternalError extends Error {
  constructor(message: string) {
    super(message || "unknown internal error");
    this.name = "InternalError";
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return String(value);
}

// ---- loading ----------------------------------------------------------------

interface State {
  glue: GlueModule | undefined;
  module: WebAssembly.Module | undefined;
  exports: WebAssembly.Exports | undefined;
  /** Bumped when the instance is replaced after a panic; handles carry it. */
  generation: number;
}

export const state: State = { glue: undefined, module: undefined, exports: undefined, generation: 0 };

/**
 * A new instance of `module` wired to `glue`. Synchronous, from an already
 * compiled module: allowed in Workers, unlike compiling bytes at runtime.
 */
function newInstance(glue: GlueModule, module: WebAssembly.Module): WebAssembly.Exports {
  const imports: WebAssembly.Imports = {};
  for (const { module: name } of WebAssembly.Module.imports(module)) {
    imports[name] = glue as unknown as WebAssembly.ModuleImports;
  }
  const { exports } = new WebAssembly.Instance(module, imports);
  glue.__wbg_set_wasm(exports);
  (exports.__wbindgen_start as (() => void) | undefined)?.();
  if (host !== undefined) glue.uniffi_set_host?.(host);
  return exports;
}

/** The facade's object the glue calls for futures and foreign traits. */
let host: object | undefined;

/** Registers the host (api.ts does, at import); each new instance gets it. */
export function setHost(value: object): void {
  host = value;
}

/** Instantiates `module` synchronously and checks it was built from this API. */
export function instantiate(glue: GlueModule, module: WebAssembly.Module, fingerprint: string): void {
  if (state.module !== undefined) {
    if (state.module === module) return;
    throw new LoadError("init", "already initialized with a different WebAssembly.Module");
  }
  if (!(module instanceof WebAssembly.Module)) {
    throw new LoadError("init", `expected a WebAssembly.Module, got ${typeName(module)}`);
  }
  let exports: WebAssembly.Exports;
  try {
    exports = newInstance(glue, module);
  } catch (e) {
    throw new LoadError("instantiate", "WebAssembly instantiation failed", e);
  }
  let actual: string;
  try {
    actual = glue.uniffi_fingerprint();
  } catch (e) {
    discard(exports);
    throw new LoadError("checksum", "the .wasm has no readable API fingerprint (not built for this package?)", e);
  }
  if (actual !== fingerprint) {
    discard(exports);
    throw new LoadError(
      "checksum",
      `the .wasm was built from another version of the API (expected fingerprint ${fingerprint}, got ${actual})`,
    );
  }
  state.glue = glue;
  state.module = module;
  state.exports = exports;
}

/**
 * Detaches a rejected instance's memory (growing by 0 pages does), so the
 * glue's cached views of it are rebuilt from the next instance a later
 * `init()` makes instead of reading the rejected one's.
 */
function discard(exports: WebAssembly.Exports): void {
  (exports.memory as WebAssembly.Memory | undefined)?.grow(0);
}

// ---- errors crossing back -----------------------------------------------------

/**
 * Turns whatever a glue call threw into the error users see: a typed error
 * (bytes from Rust, decoded by `readError`), a panic, or an internal error.
 */
export function liftError(e: unknown, readError?: (r: Reader) => Error): Error {
  if (e instanceof Uint8Array) {
    if (readError === undefined) return new InternalError("an error was returned by a function that declares none");
    return readError(new Reader(e));
  }
  if (typeof e === "string") return new InternalError(e);
  if (state.glue === undefined) return new NotInitializedError();
  if (e instanceof WebAssembly.RuntimeError) return recoverFromTrap(e);
  return e instanceof Error ? e : new InternalError(describe(e));
}

function recoverFromTrap(trap: WebAssembly.RuntimeError): PanicError {
  const glue = state.glue!;
  let message: string | undefined;
  try {
    message = glue.uniffi_take_panic_message();
  } catch {
    message = undefined;
  }
  // The trapped instance may hold locks and a leaked stack: start a new one.
  // Growing the old memory by 0 pages detaches its buffer, so the glue's
  // cached views of it are rebuilt from the new instance's memory.
  const old = state.exports!;
  state.exports = newInstance(glue, state.module!);
  (old.memory as WebAssembly.Memory | undefined)?.grow(0);
  state.generation++;
  const error = new PanicError(message ?? `the wasm module trapped: ${trap.message}`, trap);
  // Futures of the lost instance can never be woken: reject them. Foreign
  // objects it held are released with it.
  for (const [id, waiting] of polls) {
    polls.delete(id);
    waiting.reject(new PanicError(`lost when the module was re-instantiated after a panic: ${error.message}`, trap));
  }
  foreign.clear();
  return error;
}

// ---- futures --------------------------------------------------------------------

/** UniFFI's poll results: the future is ready, or may make progress. */
const POLL_READY = 0;
/** The glue's poll result when the continuation did not run during the poll. */
const POLL_PENDING = -1;

interface Waiting {
  resolve(poll: number): void;
  reject(error: Error): void;
}

/** Polls waiting for a wake, by the id passed to UniFFI as callback data. */
const polls = new Map<number, Waiting>();
let nextPoll = 1;

/** The continuation UniFFI calls (through the glue): resolves the poll's promise. */
export function wake(data: number, poll: number): void {
  const waiting = polls.get(data);
  if (waiting === undefined) return;
  polls.delete(data);
  waiting.resolve(poll);
}

/**
 * A Rust future's poll, cancel and free glue exports, by its result type.
 * `poll` returns what the continuation said if it ran during the poll, else
 * `POLL_PENDING` (then `wake` will say it).
 */
export interface FutureFns {
  poll(handle: number, data: number): number;
  cancel(handle: number): void;
  free(handle: number): void;
}

/** Options every async function takes. */
export interface AsyncOptions {
  /** Aborting it cancels the Rust future and rejects with an `AbortError`. */
  signal?: AbortSignal;
}

function abortError(signal: AbortSignal): Error {
  const why = signal.reason === undefined ? "" : `: ${describe(signal.reason)}`;
  const error = new DOMException(`the call was aborted${why}`, "AbortError");
  if (signal.reason !== undefined) Object.defineProperty(error, "cause", { value: signal.reason });
  return error;
}

/**
 * Drives a Rust future with UniFFI's protocol: `start` makes it, each poll
 * gets UniFFI's continuation (from the poll itself when the future was ready
 * at once, else through `wake`, a promise, so the next poll runs in a
 * microtask), `complete` reads its result, and it is freed in every case.
 * No timers and no executor: an idle future costs nothing.
 */
export async function callAsync<T>(
  start: () => number,
  fns: FutureFns,
  complete: (handle: number) => T,
  readError: ((r: Reader) => Error) | undefined,
  options: AsyncOptions | undefined,
): Promise<T> {
  const signal = options?.signal;
  if (signal?.aborted) throw abortError(signal);
  let handle: number;
  try {
    handle = start();
  } catch (e) {
    throw liftError(e, readError);
  }
  const generation = state.generation;
  const live = () => state.generation === generation;
  const onAbort = () => {
    if (live()) fns.cancel(handle);
  };
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    for (;;) {
      const id = nextPoll++;
      let poll: number;
      try {
        poll = fns.poll(handle, id);
      } catch (e) {
        throw liftError(e);
      }
      // Ready during its poll: no promise to wait for. Woken during it: the
      // next poll still waits a microtask, so a future that keeps waking
      // itself cannot starve the event loop.
      if (poll === POLL_PENDING) poll = await new Promise<number>((resolve, reject) => polls.set(id, { resolve, reject }));
      else if (poll !== POLL_READY) poll = await poll;
      if (poll === POLL_READY) break;
    }
    if (signal?.aborted) throw abortError(signal);
    try {
      return complete(handle);
    } catch (e) {
      throw liftError(e, readError);
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    if (live()) fns.free(handle);
  }
}

// ---- foreign objects ---------------------------------------------------------------

/**
 * JavaScript objects that Rust holds, by handle. Handles are odd (UniFFI
 * tells foreign handles from its own by the low bit); each clone Rust makes
 * is a new handle, and the object is released when Rust frees the last.
 */
class ForeignObjects {
  private readonly objects = new Map<number, object>();
  private next = 1;
  insert(value: object): number {
    const handle = this.next;
    this.next += 2;
    this.objects.set(handle, value);
    return handle;
  }
  get(handle: number): object {
    const value = this.objects.get(handle);
    if (value === undefined) throw new InternalError(`no foreign object has handle ${handle}`);
    return value;
  }
  /** The object, giving up the reference `handle` stood for. */
  take(handle: number): object {
    const value = this.get(handle);
    this.objects.delete(handle);
    return value;
  }
  clone(handle: number): number {
    return this.insert(this.get(handle));
  }
  free(handle: number): void {
    this.objects.delete(handle);
  }
  clear(): void {
    this.objects.clear();
  }
  /** How many references Rust holds (for tests of the bindings). */
  get size(): number {
    return this.objects.size;
  }
}

export const foreign = new ForeignObjects();

/** Whether a handle from Rust is a foreign object's. */
export function isForeignHandle(handle: number): boolean {
  return handle % 2 === 1;
}

/** A JavaScript implementation of a trait, checked, as a new handle. */
export function foreignHandle(value: unknown, methods: readonly string[], trait: string, name: string, field = ""): number {
  if (typeof value !== "object" || value === null) {
    throw new TypeError(`${name}${field} must implement ${trait}, got ${typeName(value)}`);
  }
  for (const m of methods) {
    if (typeof (value as Record<string, unknown>)[m] !== "function") {
      throw new TypeError(`${name}${field} must implement ${trait}: it has no method ${m}()`);
    }
  }
  return foreign.insert(value);
}

/** A method's declared error class (its constructor may be protected). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ErrorClass = Function;

const CALL_ERROR = 1;
const CALL_UNEXPECTED_ERROR = 2;

/** What a foreign method threw, as UniFFI's error code and bytes. */
function thrown(e: unknown, errorClass: ErrorClass | undefined, write: ((w: Writer, v: never, name: string) => void) | undefined): [number, Uint8Array] {
  if (errorClass !== undefined && write !== undefined && e instanceof errorClass) {
    try {
      return [CALL_ERROR, encode(write, e as never, "the thrown error")];
    } catch (encodeError) {
      return [CALL_UNEXPECTED_ERROR, encoder.encode(`the thrown ${describe(e)} could not be sent to Rust: ${describe(encodeError)}`)];
    }
  }
  return [CALL_UNEXPECTED_ERROR, encoder.encode(e instanceof Error ? `${e.name}: ${e.message}` : `thrown: ${describe(e)}`)];
}

/**
 * Runs a sync foreign method for Rust. What it throws is reported to the
 * glue (`uniffi_callback_error`) and `fallback` returned in its place: an
 * instance of the method's error class reaches Rust as that error, anything
 * else as UniFFI's unexpected-callback error with its name and message.
 */
export function callback<T>(
  body: () => T,
  fallback: T,
  errorClass?: ErrorClass,
  write?: (w: Writer, v: never, name: string) => void,
): T {
  try {
    return body();
  } catch (e) {
    const [code, bytes] = thrown(e, errorClass, write);
    state.glue!.uniffi_callback_error!(code, bytes);
    return fallback;
  }
}

/**
 * Runs an async foreign method for Rust: it starts at once (in the caller's
 * request, as Workers require) and completes the Rust side's future through
 * `complete(token, code, value, errorBytes)` exactly once, unless the
 * instance it belongs to was lost in the meantime.
 */
export function callbackAsync<T>(
  body: () => Promise<T>,
  token: number,
  complete: (token: number, code: number, value: T, error: Uint8Array) => void,
  fallback: T,
  errorClass?: ErrorClass,
  write?: (w: Writer, v: never, name: string) => void,
): void {
  const generation = state.generation;
  const finish = (code: number, value: T, error: Uint8Array) => {
    if (state.generation !== generation) return;
    try {
      complete(token, code, value, error);
    } catch (e) {
      liftError(e);
    }
  };
  let promise: Promise<T>;
  try {
    promise = Promise.resolve(body());
  } catch (e) {
    promise = Promise.reject(e);
  }
  promise.then(
    (value) => finish(0, value, EMPTY_BYTES),
    (e) => {
      const [code, bytes] = thrown(e, errorClass, write);
      finish(code, fallback, bytes);
    },
  );
}

/** A string as the bytes of a RustBuffer (an async foreign method's string result). */
export function utf8(value: string): Uint8Array {
  return encoder.encode(value);
}

// ---- objects ------------------------------------------------------------------

/** The Rust handle of one object, with what is needed to free it exactly once. */
export class HandleBox {
  released = false;
  readonly generation = state.generation;
  constructor(
    readonly raw: number,
    readonly className: string,
    readonly free: (raw: number) => void,
  ) {}

  /** The raw handle, or a `DisposedError` if it can no longer be used. */
  use(): number {
    if (this.released) throw new DisposedError(this.className, "was disposed");
    if (this.generation !== state.generation) {
      throw new DisposedError(this.className, "was lost when the module was re-instantiated after a panic");
    }
    return this.raw;
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    if (this.generation === state.generation) this.free(this.raw);
  }
}

/** Frees objects that are garbage-collected without being disposed. */
export const finalizer: { register(target: object, box: HandleBox): void; unregister(box: HandleBox): void } =
  typeof FinalizationRegistry === "function"
    ? (() => {
        const registry = new FinalizationRegistry<HandleBox>((box) => box.release());
        return {
          register: (target: object, box: HandleBox) => registry.register(target, box, box),
          unregister: (box: HandleBox) => void registry.unregister(box),
        };
      })()
    : { register: () => {}, unregister: () => {} };

export function checkHandle<T extends object>(
  value: T,
  cls: abstract new (...args: never[]) => T,
  name: string,
  field = "",
): number {
  if (!(value instanceof cls)) throw new TypeError(`${name}${field} must be a ${cls.name}, got ${typeName(value)}`);
  return (value as unknown as { $handle(): number }).$handle();
}

// ---- argument checks ------------------------------------------------------------

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return value.constructor?.name ?? "object";
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  if (typeof value === "bigint") return `${value}n`;
  return `${typeof value} ${String(value)}`;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function checkString(value: unknown, name: string, field = ""): string {
  if (typeof value !== "string") throw new TypeError(`${name}${field} must be a string, got ${typeName(value)}`);
  // UTF-8 cannot carry a lone surrogate: TextEncoder would turn it into U+FFFD unasked.
  const wellFormed = (value as { isWellFormed?: () => boolean }).isWellFormed?.() ?? !LONE_SURROGATE.test(value);
  if (!wellFormed) {
    const at = LONE_SURROGATE.exec(value)?.index ?? 0;
    const unit = value.charCodeAt(at).toString(16).toUpperCase();
    throw new TypeError(
      `${name}${field} has a lone surrogate (U+${unit} at index ${at}), which UTF-8 cannot carry: ` +
        "pass well-formed UTF-16 (`String.prototype.toWellFormed()` replaces it with U+FFFD)",
    );
  }
  return value;
}

export function checkBool(value: unknown, name: string, field = ""): boolean {
  if (typeof value !== "boolean") throw new TypeError(`${name}${field} must be a boolean, got ${typeName(value)}`);
  return value;
}

export function checkNumber(value: unknown, name: string, field = ""): number {
  if (typeof value !== "number") throw new TypeError(`${name}${field} must be a number, got ${typeName(value)}`);
  return value;
}

export function checkInt(value: unknown, min: number, max: number, name: string, field = ""): number {
  if (typeof value !== "number") throw new TypeError(`${name}${field} must be a number, got ${typeName(value)}`);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name}${field} must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

export function checkBigInt(value: unknown, min: bigint, max: bigint, name: string, field = ""): bigint {
  if (typeof value !== "bigint") throw new TypeError(`${name}${field} must be a bigint, got ${typeName(value)}`);
  if (value < min || value > max) throw new RangeError(`${name}${field} must be from ${min} to ${max}, got ${value}`);
  return value;
}

export const EMPTY_BYTES = new Uint8Array(0);

export function checkBytes(value: unknown, name: string, field = ""): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new TypeError(`${name}${field} must be a Uint8Array, got ${typeName(value)}`);
  return value;
}

/** A `Date` as milliseconds since the epoch. */
export function checkDate(value: unknown, name: string, field = ""): number {
  if (!(value instanceof Date)) throw new TypeError(`${name}${field} must be a Date, got ${typeName(value)}`);
  const ms = value.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name}${field} is an invalid Date`);
  // wasm32-unknown-unknown's SystemTime cannot go below the epoch.
  if (ms < 0) throw new RangeError(`${name}${field} is before 1970-01-01, which the wasm build cannot represent: ${value.toISOString()}`);
  return ms;
}

/** A duration in milliseconds. */
export function checkDuration(value: unknown, name: string, field = ""): number {
  const ms = checkNumber(value, name, field);
  if (!(ms >= 0) || !Number.isFinite(ms)) {
    throw new RangeError(`${name}${field} must be a finite, non-negative number of milliseconds, got ${ms}`);
  }
  return ms;
}

export function checkObject<T>(value: T, name: string, field = ""): T {
  if (typeof value !== "object" || value === null) {
    throw new TypeError(`${name}${field} must be an object, got ${typeName(value)}`);
  }
  return value;
}

/** A handle read from UniFFI's bytes, as the number the glue takes. */
export function handleFromU64(raw: bigint): number {
  return Number(raw);
}

/** The `message` of an error variant that has no `message` field. */
export function variantMessage(variant: string, fields: Record<string, unknown>): string {
  const parts = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === "string" ? JSON.stringify(v) : String(v)}`);
  return parts.length === 0 ? variant : `${variant}: ${parts.join(", ")}`;
}

export function optObject<T>(value: T | null | undefined, name: string, field = ""): T | undefined {
  return value == null ? undefined : checkObject(value, name, field);
}

/** The 1-based UniFFI index of a flat-enum variant given as a string. */
export function enumIndex(index: { readonly [variant: string]: number }, value: unknown, name: string, field = ""): number {
  const i = typeof value === "string" && Object.hasOwn(index, value) ? index[value] : undefined;
  if (i === undefined) {
    throw new TypeError(`${name}${field} must be one of ${Object.keys(index).map((k) => JSON.stringify(k)).join(", ")}, got ${typeName(value)}`);
  }
  return i;
}

// ---- UniFFI's buffer format -------------------------------------------------------

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Reads values in UniFFI's serialization format (big-endian). */
export class Reader {
  private readonly view: DataView;
  pos = 0;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  i8(): number { return this.view.getInt8(this.pos++); }
  u8(): number { return this.view.getUint8(this.pos++); }
  i16(): number { const v = this.view.getInt16(this.pos); this.pos += 2; return v; }
  u16(): number { const v = this.view.getUint16(this.pos); this.pos += 2; return v; }
  i32(): number { const v = this.view.getInt32(this.pos); this.pos += 4; return v; }
  u32(): number { const v = this.view.getUint32(this.pos); this.pos += 4; return v; }
  i64(): bigint { const v = this.view.getBigInt64(this.pos); this.pos += 8; return v; }
  u64(): bigint { const v = this.view.getBigUint64(this.pos); this.pos += 8; return v; }
  f32(): number { const v = this.view.getFloat32(this.pos); this.pos += 4; return v; }
  f64(): number { const v = this.view.getFloat64(this.pos); this.pos += 8; return v; }
  raw(length: number): Uint8Array {
    const v = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return v;
  }
  /** An enum tag that is out of range means the bindings and the crate disagree. */
  badTag(typeName: string, tag: number): never {
    throw new InternalError(`unknown variant ${tag} of ${typeName}`);
  }
}

/** Up to how many UTF-16 units `Writer.string` copies ASCII by hand. */
const SHORT_STRING = 64;

/** Writes values in UniFFI's serialization format (big-endian). */
export class Writer {
  private bytes = new Uint8Array(64);
  private view = new DataView(this.bytes.buffer);
  private pos = 0;
  private reserve(n: number): void {
    if (this.pos + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.pos + n));
    grown.set(this.bytes.subarray(0, this.pos));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }
  i8(v: number): void { this.reserve(1); this.view.setInt8(this.pos++, v); }
  u8(v: number): void { this.reserve(1); this.view.setUint8(this.pos++, v); }
  i16(v: number): void { this.reserve(2); this.view.setInt16(this.pos, v); this.pos += 2; }
  u16(v: number): void { this.reserve(2); this.view.setUint16(this.pos, v); this.pos += 2; }
  i32(v: number): void { this.reserve(4); this.view.setInt32(this.pos, v); this.pos += 4; }
  u32(v: number): void { this.reserve(4); this.view.setUint32(this.pos, v); this.pos += 4; }
  i64(v: bigint): void { this.reserve(8); this.view.setBigInt64(this.pos, v); this.pos += 8; }
  u64(v: bigint): void { this.reserve(8); this.view.setBigUint64(this.pos, v); this.pos += 8; }
  f32(v: number): void { this.reserve(4); this.view.setFloat32(this.pos, v); this.pos += 4; }
  f64(v: number): void { this.reserve(8); this.view.setFloat64(this.pos, v); this.pos += 8; }
  raw(v: Uint8Array): void { this.reserve(v.length); this.bytes.set(v, this.pos); this.pos += v.length; }
  string(v: string): void {
    const length = v.length;
    this.reserve(4 + length * 3);
    const bytes = this.bytes;
    const start = this.pos + 4;
    let pos = start;
    let i = 0;
    // A short string's ASCII prefix is copied a unit at a time: for the short
    // strings records hold that beats encodeInto's fixed cost per call.
    if (length <= SHORT_STRING) {
      for (; i < length; i++) {
        const unit = v.charCodeAt(i);
        if (unit > 0x7f) break;
        bytes[pos++] = unit;
      }
    }
    if (i < length) pos += encoder.encodeInto(i === 0 ? v : v.slice(i), bytes.subarray(pos)).written;
    this.view.setInt32(this.pos, pos - start);
    this.pos = pos;
  }
  finish(): Uint8Array { return this.bytes.subarray(0, this.pos); }
}

/** `value` in UniFFI's format, for arguments that have no flat form. */
export function encode<T>(write: (w: Writer, value: T, name: string) => void, value: T, name: string, field = ""): Uint8Array {
  const w = new Writer();
  write(w, value, name + field);
  return w.finish();
}

export const readU8 = (r: Reader): number => r.u8();
export const readI8 = (r: Reader): number => r.i8();
export const readU16 = (r: Reader): number => r.u16();
export const readI16 = (r: Reader): number => r.i16();
export const readU32 = (r: Reader): number => r.u32();
export const readI32 = (r: Reader): number => r.i32();
export const readU64 = (r: Reader): bigint => r.u64();
export const readI64 = (r: Reader): bigint => r.i64();
export const readF32 = (r: Reader): number => r.f32();
export const readF64 = (r: Reader): number => r.f64();
export const readBool = (r: Reader): boolean => r.i8() !== 0;
export const readString = (r: Reader): string => decoder.decode(r.raw(r.i32()));
export const readBytes = (r: Reader): Uint8Array => r.raw(r.i32()).slice();
/** i64 seconds and u32 nanoseconds, both counted away from the epoch. */
export const readTimestamp = (r: Reader): Date => {
  const seconds = r.i64();
  const nanos = r.u32();
  const sign = seconds < 0n ? -1 : 1;
  return new Date(Number(seconds) * 1000 + sign * (nanos / 1e6));
};
export const readDuration = (r: Reader): number => Number(r.u64()) * 1000 + r.u32() / 1e6;

export const writeU8 = (w: Writer, v: number, name: string): void => w.u8(checkInt(v, 0, 255, name));
export const writeI8 = (w: Writer, v: number, name: string): void => w.i8(checkInt(v, -128, 127, name));
export const writeU16 = (w: Writer, v: number, name: string): void => w.u16(checkInt(v, 0, 65535, name));
export const writeI16 = (w: Writer, v: number, name: string): void => w.i16(checkInt(v, -32768, 32767, name));
export const writeU32 = (w: Writer, v: number, name: string): void => w.u32(checkInt(v, 0, 4294967295, name));
export const writeI32 = (w: Writer, v: number, name: string): void =>
  w.i32(checkInt(v, -2147483648, 2147483647, name));
export const writeU64 = (w: Writer, v: bigint, name: string): void =>
  w.u64(checkBigInt(v, 0n, 18446744073709551615n, name));
export const writeI64 = (w: Writer, v: bigint, name: string): void =>
  w.i64(checkBigInt(v, -9223372036854775808n, 9223372036854775807n, name));
export const writeF32 = (w: Writer, v: number, name: string): void => w.f32(checkNumber(v, name));
export const writeF64 = (w: Writer, v: number, name: string): void => w.f64(checkNumber(v, name));
export const writeBool = (w: Writer, v: boolean, name: string): void => w.i8(checkBool(v, name) ? 1 : 0);
export const writeString = (w: Writer, v: string, name: string): void => w.string(checkString(v, name));
export const writeBytes = (w: Writer, v: Uint8Array, name: string): void => {
  checkBytes(v, name);
  w.i32(v.length);
  w.raw(v);
};
export const writeTimestamp = (w: Writer, v: Date, name: string): void => {
  const ms = checkDate(v, name);
  const away = Math.abs(ms);
  const seconds = Math.floor(away / 1000);
  w.i64(BigInt(ms < 0 ? -seconds : seconds));
  w.u32(Math.round((away - seconds * 1000) * 1e6));
};
export const writeDuration = (w: Writer, v: number, name: string): void => {
  const ms = checkDuration(v, name);
  const seconds = Math.floor(ms / 1000);
  w.u64(BigInt(seconds));
  w.u32(Math.round((ms - seconds * 1000) * 1e6));
};
