import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// A whole test app renders slowly on a busy two-core CI machine; the default 1 s is not enough.
configure({ asyncUtilTimeout: 15_000 });
