import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import * as Icons from '@element-plus/icons-vue'
import 'element-plus/dist/index.css'
import './style.css'
import App from './App.vue'
import { router } from './router.js'
import { whenUnauthorized } from './api/http.js'

const app = createApp(App)
app.use(ElementPlus, { locale: zhCn })
Object.entries(Icons).forEach(([name, component]) => app.component(name, component))
app.use(router)
whenUnauthorized(() => router.replace({ path: '/login', query: { redirect: router.currentRoute.value.fullPath } }))
app.mount('#app')
