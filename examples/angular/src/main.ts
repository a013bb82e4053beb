import {provideZonelessChangeDetection} from '@angular/core';
import {bootstrapApplication} from '@angular/platform-browser';
import {App} from './app/app';

// No zone.js: signals tell Angular what changed.
bootstrapApplication(App, {providers: [provideZonelessChangeDetection()]}).catch((error: unknown) => console.error(error));
