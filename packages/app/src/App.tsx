/*
 * The Paved portal only assembles features. Every frontend plugin listed in this package's
 * dependencies is discovered automatically (`app.packages: all` in app-config.yaml); the modules
 * below are the app's own: navigation, sign-in and the home page.
 */
import { createApp } from '@backstage/frontend-defaults';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';
import { homeModule } from './modules/home';

export default createApp({
  features: [navModule, signInModule, homeModule],
});
