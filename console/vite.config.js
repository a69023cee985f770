import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// `virtual:template-routes`: the "METHOD /path" of every HttpApi event in ../template.yaml, so the
// menu shows a page only once the routes it needs are part of the stack it is built with.
function templateRoutes() {
  const id = 'virtual:template-routes'
  const file = fileURLToPath(new URL('../template.yaml', import.meta.url))
  return {
    name: 'hbce-template-routes',
    resolveId: (source) => (source === id ? '\0' + id : null),
    load(resolved) {
      if (resolved !== '\0' + id) return null
      this.addWatchFile(file)
      // A quoted path may hold {parameters}: 'GET /v1/ce-rules/{year}'.
      const routes = [...readFileSync(file, 'utf8').matchAll(/Method:\s*([A-Z]+),\s*Path:\s*(?:'([^']+)'|([^',}\s]+))/g)]
        .map((m) => `${m[1]} ${m[2] || m[3]}`)
      return `export default ${JSON.stringify(routes)}`
    }
  }
}

// The console is served by the devserver (same origin as /v1) and, on AWS, from the console bucket
// behind CloudFront. `npm run dev` proxies /v1 to a devserver on :3000 for hot reload.
export default defineConfig({
  plugins: [vue(), templateRoutes()],
  base: '/',
  server: {
    port: 5173,
    proxy: { '/v1': 'http://127.0.0.1:3000' }
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Element Plus and Vue change less often than the pages: their own long-cached chunk.
        advancedChunks: {
          groups: [{ name: 'vendor', test: /node_modules[\\/](element-plus|@element-plus|vue|@vue|vue-router|@vueuse|lodash|dayjs|@floating-ui|@popperjs|@ctrl|async-validator|memoize-one|normalize-wheel)/ }]
        }
      }
    }
  }
})
