// The weapp (and tools that do not resolve platform files): WeChat draws the title bar and the tab
// bar natively, nothing to adjust. The H5 build takes h5-chrome.h5.ts.
export {}
