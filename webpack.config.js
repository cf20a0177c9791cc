/**
 * The Excel add-in's build: the task pane and the function file, their pages,
 * the icons and the manifest, into dist/addin/. `webpack serve` runs the https
 * dev server Office sideloads from (https://localhost:3000), with
 * office-addin-dev-certs' certificate: only there, because installing that
 * certificate needs sudo.
 *
 * env.outDir builds elsewhere (tests); env.transpileOnly skips type checking
 * (tests; `npm run build` checks types). ADDIN_URL, when set, replaces
 * https://localhost:3000/ in the copied manifest for a production host.
 */
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { version } = require('./package.json');

const DEV_URL = 'https://localhost:3000/';
const PORT = 3000;

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const prodUrl = process.env.ADDIN_URL ? process.env.ADDIN_URL.replace(/\/?$/, '/') : DEV_URL;
  const config = {
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    context: __dirname,
    entry: {
      taskpane: './src/addin/taskpane/taskpane.ts',
      commands: './src/addin/commands/commands.ts',
    },
    output: {
      path: env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, 'dist/addin'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
      // The streaming writer's parts (Save as template) hash protection passwords with node:crypto; the add-in
      // writes no password, and has a stand-in that refuses one.
      alias: { [path.resolve(__dirname, 'src/cli/xlsx/write/password')]: path.resolve(__dirname, 'src/addin/xlsx/password.ts') },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { configFile: path.resolve(__dirname, 'tsconfig.addin.json'), transpileOnly: Boolean(env.transpileOnly), onlyCompileBundledFiles: true },
          },
        },
        // The built-in templates, bundled as their source text.
        { test: /\.ya?ml$/, include: path.resolve(__dirname, 'templates'), type: 'asset/source' },
      ],
    },
    plugins: [
      new webpack.DefinePlugin({ PLAN_REPORT_VERSION: JSON.stringify(version) }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/addin/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/addin/commands/commands.html', chunks: ['commands'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/addin/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => (production ? content.toString().split(DEV_URL).join(prodUrl) : content) },
        ],
      }),
    ],
    performance: { hints: false },
  };
  if (env.WEBPACK_SERVE) {
    const devCerts = require('office-addin-dev-certs');
    config.devServer = {
      port: PORT,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await devCerts.getHttpsServerOptions() },
    };
  }
  return config;
};
