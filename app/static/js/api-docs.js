// Starts Swagger UI on the API's OpenAPI document (kept out of the page: no inline scripts).
const root = document.getElementById("swagger-ui");
window.SwaggerUIBundle({ url: root.dataset.specUrl, domNode: root, deepLinking: true });
