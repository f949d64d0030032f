// Lives beside config/ because Taro runs from this folder and babel looks for its config in the cwd.
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
}
