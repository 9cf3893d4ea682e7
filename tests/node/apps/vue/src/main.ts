// Vue 3: `e-paper/vue` registers <e-paper> and types it in templates (GlobalComponents).
import { createApp } from 'vue';
import 'e-paper/vue';
import App from './App.vue';

createApp(App).mount('#app');
