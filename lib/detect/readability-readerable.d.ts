// Types of @mozilla/readability's standalone reader-view check, imported by its file path so only
// that small file (not the whole Readability parser) is bundled into page code.
declare module '@mozilla/readability/Readability-readerable.js' {
  export default function isProbablyReaderable(
    document: Document,
    options?: { minContentLength?: number; minScore?: number; visibilityChecker?: (node: Node) => boolean },
  ): boolean;
}
