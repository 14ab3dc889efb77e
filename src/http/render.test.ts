import { describe, expect, it } from 'vitest';
import { createTemplateEnvironment, errorMessageFor } from './render.js';

describe('errFor in templates', () => {
  const errors = [
    { field: 'email', message: 'メールアドレスを入力してください' },
    { field: 'name', message: '<b>名前</b>を入力してください' },
  ];

  it('gives the message of the field, or an empty (false) string when the field has no error', () => {
    expect(errorMessageFor(errors, 'email')).toBe('メールアドレスを入力してください');
    expect(errorMessageFor(errors, 'file')).toBe('');
    expect(errorMessageFor(undefined, 'file')).toBe('');
  });

  it('marks only the field with an error as wrong, and escapes the message', () => {
    const env = createTemplateEnvironment();
    const template = `{% for f in ['email', 'file', 'name'] %}{% set e = errFor(errors, f) | trim %}[{{ f }}:{% if e %}invalid {{ e }}{% else %}ok{% endif %}]{% endfor %}`;
    expect(env.renderString(template, { errors })).toBe(
      '[email:invalid メールアドレスを入力してください][file:ok][name:invalid &lt;b&gt;名前&lt;/b&gt;を入力してください]',
    );
    expect(env.renderString(template, {})).toBe('[email:ok][file:ok][name:ok]');
  });
});
