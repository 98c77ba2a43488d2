export * from './Alert';
export * from './Button';
export * from './CheckboxGroup';
export * from './Field';
export * from './PhaseBadge';
export * from './SelectField';
export * from './TextField';
