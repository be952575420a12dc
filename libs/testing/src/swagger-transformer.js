// ts-jest AST transformer: runs the @nestjs/swagger CLI plugin with the options nest-cli.json gives `nest build`,
// so the OpenAPI document tested under Jest is the one the built app serves.
const plugin = require('@nestjs/swagger/plugin');
const nestCli = require('../../../nest-cli.json');

const options = nestCli.compilerOptions.plugins.find((p) => p.name === '@nestjs/swagger').options;

module.exports.name = 'nestjs-swagger-transformer';
// Bump when the options change so ts-jest's cache is invalidated.
module.exports.version = 3;
module.exports.factory = (cs) => plugin.before(options, cs.program);
