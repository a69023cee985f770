import { createApp } from 'vue'
import { START_LOCATION } from 'vue-router'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
// Only the icons the menu and top bar use (all of them would add ~100 kB to the first load).
import { ArrowDown, Avatar, Checked, DataAnalysis, HomeFilled, OfficeBuilding, Stamp, Upload, User } from '@element-plus/icons-vue'
import 'element-plus/dist/index.css'
import './style.css'
import App from './App.vue'
import { router } from './router.js'
import { whenUnauthorized } from './api/http.js'

const app = createApp(App)
app.use(ElementPlus, { locale: zhCn })
Object.entries({ ArrowDown, Avatar, Checked, DataAnalysis, HomeFilled, OfficeBuilding, Stamp, Upload, User })
  .forEach(([name, component]) => app.component(name, component))
app.use(router)
// A 401 sends back to login, keeping the page the user was on. On the first navigation there is no
// page yet: the guard (router.js) answers it with login and the page asked for.
whenUnauthorized(() => {
  if (router.currentRoute.value === START_LOCATION) return
  router.replace({ path: '/login', query: { redirect: router.currentRoute.value.fullPath } })
})
app.mount('#app')
