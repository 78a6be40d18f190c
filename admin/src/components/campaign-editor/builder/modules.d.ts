// Modules the builder imports that ship no type declarations.
declare module 'grapesjs/locale/*' {
  const messages: Record<string, unknown>;
  export default messages;
}
declare module 'grapesjs-mjml/locale/*' {
  const messages: Record<string, unknown>;
  export default messages;
}
declare module '*.css?inline' {
  const css: string;
  export default css;
}
