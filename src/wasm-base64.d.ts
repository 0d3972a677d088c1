/** A WASM file as base64 text, from the `wasm-base64` plugin in vite.config.ts. */
declare module '*.wasm?base64' {
  const base64: string;
  export default base64;
}
