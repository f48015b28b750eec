// WXT's `@/` alias for dependency-cruiser's resolver. tsconfig.json inherits it from
// .wxt/tsconfig.json as `"@/*": ["../*"]`, relative to .wxt/, but dependency-cruiser's
// tsconfig-paths plugin takes that relative to the working directory and misses every file.
const path = require('node:path');

module.exports = { resolve: { alias: { '@': path.resolve(__dirname) } } };
