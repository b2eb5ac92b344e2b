module.exports = require('../../.eslint-paved')(__dirname);
