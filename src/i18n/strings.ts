/** UI strings of the viewer. The edition's own text is never translated. */
export interface UiStrings {
  loading: string;
  errorTitle: string;
  retry: string;
  viewerLabel: (title: string, date: string) => string;
  pageLabel: (label: string) => string;
  errors: Record<'network' | 'http' | 'timeout' | 'too-large' | 'empty' | 'not-json' | 'invalid' | 'no-source', string>;
  photoPlaceholder: string;
  qrPlaceholder: string;
}

const zhCN: UiStrings = {
  loading: '正在载入版面…',
  errorTitle: '无法显示本期报纸',
  retry: '重试',
  viewerLabel: (title, date) => `${title} ${date} 电子版`,
  pageLabel: (label) => `${label} 版`,
  errors: {
    network: '网络请求失败，请检查网络后重试。',
    http: '服务器没有返回报纸数据。',
    timeout: '载入超时。',
    'too-large': '报纸数据文件过大。',
    empty: '报纸数据文件是空的。',
    'not-json': '报纸数据文件格式不正确。',
    invalid: '报纸数据不符合格式要求。',
    'no-source': '没有指定报纸数据（src 属性）。',
  },
  photoPlaceholder: '图片暂缺',
  qrPlaceholder: '二维码暂缺',
};

const en: UiStrings = {
  loading: 'Loading the page…',
  errorTitle: 'This edition cannot be shown',
  retry: 'Retry',
  viewerLabel: (title, date) => `${title}, ${date}, e-paper edition`,
  pageLabel: (label) => `Page ${label}`,
  errors: {
    network: 'The network request failed. Check the connection and try again.',
    http: 'The server did not return the edition.',
    timeout: 'Loading took too long.',
    'too-large': 'The edition file is too large.',
    empty: 'The edition file is empty.',
    'not-json': 'The edition file is not in the right format.',
    invalid: 'The edition data does not match the format.',
    'no-source': 'No edition was given (the src attribute).',
  },
  photoPlaceholder: 'Photo not available',
  qrPlaceholder: 'QR code not available',
};

/** The strings for a UI language tag: English for `en*`, Simplified Chinese otherwise. */
export function uiStrings(lang: string | null | undefined): UiStrings {
  return lang?.toLowerCase().startsWith('en') ? en : zhCN;
}
