// Jest on Node 20 cannot require() ES modules, so ESM-only dependencies are compiled to CommonJS
// for tests. `import.meta` has no CommonJS meaning: its `url`, `dirname`, `filename` and `resolve` get CommonJS equivalents.
module.exports = ({ types: t }) => ({
  name: 'import-meta-to-commonjs',
  visitor: {
    MetaProperty(path) {
      const parent = path.parentPath;
      if (path.node.meta.name !== 'import' || !parent.isMemberExpression()) return;
      const property = parent.node.property.name;
      if (property === 'url') {
        parent.replaceWith(t.binaryExpression('+', t.stringLiteral('file://'), t.identifier('__filename')));
      } else if (property === 'dirname' || property === 'filename') {
        parent.replaceWith(t.identifier(`__${property}`));
      } else if (property === 'resolve') {
        parent.replaceWith(t.memberExpression(t.identifier('require'), t.identifier('resolve')));
      }
    },
  },
});
