// Motion's DOM animation features, loaded after first paint (LazyMotion's async form).
export { domAnimation as default } from 'motion/react';
